package org.ecoplan.render;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The boxes of placed labels, bucketed in a coarse grid so a collision test looks only at
 * labels near the candidate (label conflict resolution, SLD 1.0.0 clause 11.4).
 */
final class CollisionIndex {
    private static final int CELL = 64;
    private final int cols;
    private final int rows;
    private final int margin;
    private final List<List<Rectangle2D>> cells;

    CollisionIndex(int width, int height) {
        this.margin = 2;
        this.cols = width / CELL + 1 + 2 * margin;
        this.rows = height / CELL + 1 + 2 * margin;
        this.cells = new ArrayList<>(cols * rows);
        for (int i = 0; i < cols * rows; i++) cells.add(null);
    }

    boolean collides(List<Rectangle2D> boxes) {
        for (Rectangle2D b : boxes) {
            int c0 = col(b.getMinX()), c1 = col(b.getMaxX()), r0 = row(b.getMinY()), r1 = row(b.getMaxY());
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    List<Rectangle2D> cell = cells.get(r * cols + c);
                    if (cell == null) continue;
                    for (Rectangle2D o : cell) if (o.intersects(b)) return true;
                }
            }
        }
        return false;
    }

    void addAll(List<Rectangle2D> boxes) {
        for (Rectangle2D b : boxes) {
            int c0 = col(b.getMinX()), c1 = col(b.getMaxX()), r0 = row(b.getMinY()), r1 = row(b.getMaxY());
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    int i = r * cols + c;
                    if (cells.get(i) == null) cells.set(i, new ArrayList<>(4));
                    cells.get(i).add(b);
                }
            }
        }
    }

    private int col(double x) {
        return clamp((int) Math.floor(x / CELL) + margin, cols);
    }

    private int row(double y) {
        return clamp((int) Math.floor(y / CELL) + margin, rows);
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : Math.min(v, n - 1);
    }
}
