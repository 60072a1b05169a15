package org.ecoplan.render;

import org.ecoplan.render.style.TextSymbolizer;

/**
 * A label waiting for placement: its text and symbolizer, where it may go (a pixel anchor point,
 * or a pixel polyline to follow), and how it ranks against other labels.
 *
 * @param x         anchor x in pixels (point placement)
 * @param y         anchor y in pixels
 * @param line      x0, y0, x1, y1, ... of the line to follow in pixels, or null for a point label
 * @param fitWidth  for polygon labels: the polygon's pixel width the label must fit in; 0 = no check
 * @param fitHeight for polygon labels: the polygon's pixel height
 * @param priority  explicit priority (SE Priority), or 0
 * @param area      polygon area in square pixels (larger first), 0 for points and lines
 * @param order     creation order (earlier rules and layers first)
 */
record LabelCandidate(String text, TextSymbolizer symbolizer, double x, double y, double[] line,
        double fitWidth, double fitHeight, double priority, double area, long order) {}
