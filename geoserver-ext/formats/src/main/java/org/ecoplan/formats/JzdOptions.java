package org.ecoplan.formats;

/**
 * How to open a 界址点坐标 text file.
 *
 * @param encoding charset name; null for auto: strict UTF-8 when the bytes are valid UTF-8, else GB 18030
 *                 (a superset of GBK and GB 2312, the usual encoding of these files)
 */
public record JzdOptions(String encoding) {}
