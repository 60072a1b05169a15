package org.ecoplan.render;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Images to draw maps into, kept between requests once their answer is encoded. A map's pixels are
 * one array of width × height ints (3 MiB at 1024 × 768): allocated per request, such arrays are
 * "humongous" to the G1 collector of a small heap (larger than half a 1 MiB region) and set off a
 * collection every few requests. Only large images are kept, at most {@link #MAX_BYTES} in all and of
 * at most {@link #MAX_SIZES} sizes (a new size past that empties the pool: the sizes in use now are
 * what it should hold); a caller that does not give an image back simply leaves it to the collector.
 * One pool serves every renderer of the process ({@link #SHARED}).
 */
final class CanvasPool {
    /** The pool of the process: its bound holds for all renderers together. */
    static final CanvasPool SHARED = new CanvasPool();

    /** Images smaller than this cost the collector little: they are not kept. */
    static final long MIN_BYTES = 256 * 1024;
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final int MAX_SIZES = 16;

    private record Size(int width, int height, int type) {}

    private final Map<Size, ConcurrentLinkedDeque<BufferedImage>> free = new ConcurrentHashMap<>();
    private final AtomicLong kept = new AtomicLong();

    /** An image of that size and type: a kept one (its pixels as last drawn), or a new one. */
    BufferedImage take(int width, int height, int type) {
        ConcurrentLinkedDeque<BufferedImage> q = free.get(new Size(width, height, type));
        BufferedImage image = q == null ? null : q.pollFirst();
        if (image == null) return new BufferedImage(width, height, type);
        kept.addAndGet(-bytes(image));
        return image;
    }

    /** Keeps an image whose pixels nobody reads any more, when it is large and the pool has room. */
    void give(BufferedImage image) {
        long n = bytes(image);
        if (n < MIN_BYTES || image.getRaster().getParent() != null) return;
        Size size = new Size(image.getWidth(), image.getHeight(), image.getType());
        if (!free.containsKey(size) && free.size() >= MAX_SIZES) {
            synchronized (this) {
                if (!free.containsKey(size) && free.size() >= MAX_SIZES) {
                    for (ConcurrentLinkedDeque<BufferedImage> q : free.values()) {
                        for (BufferedImage old; (old = q.pollFirst()) != null;) kept.addAndGet(-bytes(old));
                    }
                    free.clear();
                }
            }
        }
        if (kept.addAndGet(n) > MAX_BYTES) {
            kept.addAndGet(-n);
            return;
        }
        free.computeIfAbsent(size, s -> new ConcurrentLinkedDeque<>()).offerFirst(image);
    }

    private static long bytes(BufferedImage image) {
        return 4L * image.getWidth() * image.getHeight();
    }
}
