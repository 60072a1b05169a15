package org.ecoplan.render;

import java.util.Arrays;

/**
 * Length-limited canonical Huffman codes as DEFLATE defines them (RFC 1951 clause 3.2.2): code
 * lengths from symbol frequencies, then the codes from the lengths.
 */
final class Huffman {
    private Huffman() {}

    /**
     * The code length of each of the symbols {@code 0..n)} (0 for a symbol of frequency 0), none
     * longer than {@code limit}. A lone used symbol gets length 1. Where the optimal code is too deep,
     * the frequencies are halved (never below 1) until it fits: the shape then flattens towards a
     * balanced tree, which fits any limit of at least log2 of the number of symbols.
     */
    static void lengths(int[] freq, int n, int limit, int[] lengths) {
        Arrays.fill(lengths, 0, n, 0);
        int used = 0;
        for (int s = 0; s < n; s++) if (freq[s] > 0) used++;
        if (used == 0) return;
        if (used == 1) {
            for (int s = 0; s < n; s++) if (freq[s] > 0) lengths[s] = 1;
            return;
        }
        long[] leaves = new long[used];
        int[] weights = new int[n];
        for (int s = 0; s < n; s++) weights[s] = freq[s];
        while (true) {
            int k = 0;
            for (int s = 0; s < n; s++) if (weights[s] > 0) leaves[k++] = (long) weights[s] << 16 | s;
            Arrays.sort(leaves);
            if (depths(leaves, used, limit, lengths)) return;
            for (int s = 0; s < n; s++) if (weights[s] > 0) weights[s] = (weights[s] + 1) >>> 1;
        }
    }

    /**
     * Builds the Huffman tree of the leaves (weight {@code << 16 | symbol}, ascending) with two queues
     * and writes each symbol's depth; false when a depth exceeds the limit.
     */
    private static boolean depths(long[] leaves, int m, int limit, int[] lengths) {
        // nodes 0..m-1 are the leaves, m..2m-2 the inner nodes in the order they are made
        long[] weight = new long[2 * m - 1];
        int[] parent = new int[2 * m - 1];
        for (int i = 0; i < m; i++) weight[i] = leaves[i] >>> 16;
        int leaf = 0, inner = m, made = m;
        for (; made < 2 * m - 1; made++) {
            int a = (leaf < m && (inner >= made || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            int b = (leaf < m && (inner >= made || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            weight[made] = weight[a] + weight[b];
            parent[a] = made;
            parent[b] = made;
        }
        int[] depth = new int[2 * m - 1];
        for (int i = 2 * m - 3; i >= 0; i--) depth[i] = depth[parent[i]] + 1;
        for (int i = 0; i < m; i++) {
            if (depth[i] > limit) return false;
        }
        for (int i = 0; i < m; i++) lengths[(int) (leaves[i] & 0xFFFF)] = depth[i];
        return true;
    }

    /**
     * The canonical code of each symbol from the code lengths, bit-reversed: DEFLATE sends a Huffman
     * code from its most significant bit, into a stream filled from the least significant.
     */
    static void codes(int[] lengths, int n, int[] codes) {
        int[] count = new int[16];
        for (int s = 0; s < n; s++) count[lengths[s]]++;
        count[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int len = 1; len < 16; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        for (int s = 0; s < n; s++) {
            int len = lengths[s];
            codes[s] = len == 0 ? 0 : Integer.reverse(next[len]++) >>> (32 - len);
        }
    }
}
