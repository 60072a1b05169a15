package org.ecoplan.loader.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ecoplan.loader.SourceException;

/**
 * The checks every text source passes before parsing: the file exists, is not empty (nor only
 * white space), and is strict UTF-8 (RFC 8259 section 8.1 for GeoJSON; our CSV convention).
 * Files in GBK or GB 18030, common in Chinese GIS exports, fail here with the line of the first
 * bad byte instead of turning into mojibake.
 */
public final class TextFileCheck {
    private final Path file;
    private final String name;

    /** @param name the file as the report names it (relative to the workspace) */
    public TextFileCheck(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    public void run() {
        if (!Files.isRegularFile(file)) throw new SourceException(name, "file not found");
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long line = 1;
        long offset = 0;
        boolean content = false;
        try (InputStream s = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = s.read(in.array(), in.position(), in.remaining());
                if (n < 0) eof = true;
                else in.position(in.position() + n);
                in.flip();
                int before = in.position();
                CoderResult r = decoder.decode(in, out, eof);
                if (r.isError()) {
                    long at = offset + in.position() - before;
                    throw new SourceException(name + ":" + (line + lines(out)),
                            String.format("not UTF-8: invalid byte 0x%02X at byte offset %d; convert the file to UTF-8 "
                                    + "(e.g. iconv -f GB18030 -t UTF-8)", in.get(in.position()) & 0xff, at));
                }
                offset += in.position() - before;
                out.flip();
                for (int i = 0; i < out.limit(); i++) {
                    char c = out.get(i);
                    if (c == '\n') line++;
                    else if (!Character.isWhitespace(c) && c != '\uFEFF') content = true;
                }
                out.clear();
                in.compact();
            }
            decoder.flush(out);
        } catch (NoSuchFileException e) {
            throw new SourceException(name, "file not found");
        } catch (CharacterCodingException e) {
            throw new SourceException(name, "not UTF-8: " + e.getMessage());
        } catch (IOException e) {
            throw new SourceException(name, "cannot read: " + e.getMessage(), e);
        }
        if (!content)
            throw new SourceException(name, offset == 0 ? "file is empty" : "file is empty (white space only)");
    }

    private static long lines(CharBuffer decoded) {
        long n = 0;
        for (int i = 0; i < decoded.position(); i++) if (decoded.get(i) == '\n') n++;
        return n;
    }
}
