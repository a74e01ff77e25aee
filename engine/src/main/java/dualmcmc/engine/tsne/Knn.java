package dualmcmc.engine.tsne;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exact k-nearest-neighbour search in Euclidean space, by brute force for small N and by a
 * vantage-point tree for large N. Both return the same neighbours (up to ties).
 */
final class Knn {

    /** Above this many points a vantage-point tree is used instead of brute force. */
    static final int VP_TREE_THRESHOLD = 3000;

    private Knn() {
    }

    /**
     * Neighbour lists: for point {@code i}, its {@code k} neighbours (never itself) are
     * {@code idx[i*k .. i*k+k)} with squared distances {@code d2[...]}, nearest first.
     */
    record Graph(int n, int k, int[] idx, double[] d2) {
    }

    static Graph search(double[] x, int n, int dim, int k, long seed) {
        return n > VP_TREE_THRESHOLD ? vpTree(x, n, dim, k, seed) : bruteForce(x, n, dim, k);
    }

    static double sqDist(double[] x, int dim, int a, int b) {
        int oa = a * dim, ob = b * dim;
        double s = 0;
        for (int t = 0; t < dim; t++) {
            double d = x[oa + t] - x[ob + t];
            s += d * d;
        }
        return s;
    }

    static Graph bruteForce(double[] x, int n, int dim, int k) {
        check(n, k);
        int[] idx = new int[n * k];
        double[] d2 = new double[n * k];
        Heap heap = new Heap(k);
        for (int i = 0; i < n; i++) {
            heap.clear();
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    heap.offer(sqDist(x, dim, i, j), j);
                }
            }
            heap.drainSorted(idx, d2, i * k);
        }
        return new Graph(n, k, idx, d2);
    }

    static Graph vpTree(double[] x, int n, int dim, int k, long seed) {
        check(n, k);
        VpTree tree = new VpTree(x, n, dim, seed);
        int[] idx = new int[n * k];
        double[] d2 = new double[n * k];
        Heap heap = new Heap(k);
        for (int i = 0; i < n; i++) {
            heap.clear();
            tree.query(i, heap);
            heap.drainSorted(idx, d2, i * k);
            // the tree works on Euclidean distances; hand back exact squared ones
            for (int t = i * k; t < i * k + k; t++) {
                d2[t] = sqDist(x, dim, i, idx[t]);
            }
        }
        return new Graph(n, k, idx, d2);
    }

    private static void check(int n, int k) {
        if (k < 1 || k > n - 1) {
            throw new IllegalArgumentException("k must be in [1, n-1], got k=" + k + " for n=" + n);
        }
    }

    /** Bounded max-heap of (distance, index) keeping the k smallest; ties prefer the lower index. */
    static final class Heap {
        final int cap;
        final double[] dist;
        final int[] id;
        int size;

        Heap(int cap) {
            this.cap = cap;
            this.dist = new double[cap];
            this.id = new int[cap];
        }

        void clear() {
            size = 0;
        }

        boolean full() {
            return size == cap;
        }

        double top() {
            return dist[0];
        }

        private static boolean greater(double da, int ia, double db, int ib) {
            return da > db || (da == db && ia > ib);
        }

        void offer(double d, int j) {
            if (size < cap) {
                int c = size++;
                while (c > 0) {
                    int p = (c - 1) >>> 1;
                    if (!greater(d, j, dist[p], id[p])) {
                        break;
                    }
                    dist[c] = dist[p];
                    id[c] = id[p];
                    c = p;
                }
                dist[c] = d;
                id[c] = j;
            } else if (greater(dist[0], id[0], d, j)) {
                siftDown(d, j, size);
            }
        }

        /** Replaces the root by (d, j) and restores the heap over the first {@code len} slots. */
        private void siftDown(double d, int j, int len) {
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                if (l >= len) {
                    break;
                }
                int r = l + 1;
                int m = (r < len && greater(dist[r], id[r], dist[l], id[l])) ? r : l;
                if (!greater(dist[m], id[m], d, j)) {
                    break;
                }
                dist[c] = dist[m];
                id[c] = id[m];
                c = m;
            }
            dist[c] = d;
            id[c] = j;
        }

        /** Writes the heap's content in ascending order to {@code outIdx/outD[off..off+size)} and empties it. */
        void drainSorted(int[] outIdx, double[] outD, int off) {
            for (int pos = size - 1; pos >= 0; pos--) {
                outIdx[off + pos] = id[0];
                outD[off + pos] = dist[0];
                int last = size - 1;
                double d = dist[last];
                int j = id[last];
                size = last;
                if (size > 0) {
                    siftDown(d, j, size);
                }
            }
        }
    }

    /** Vantage-point tree over Euclidean distances, built once with seeded random vantage points. */
    static final class VpTree {
        private final double[] x;
        private final int dim;
        // node t covers items[lo..hi); vantage point at items[lo]; inner part (d < threshold) is
        // items[lo+1..mid), outer part items[mid..hi)
        private final int[] items;
        private final double[] threshold;
        private final int[] left;
        private final int[] right;
        private final int[] point;
        private int count;
        private final double[] scratch;

        VpTree(double[] x, int n, int dim, long seed) {
            this.x = x;
            this.dim = dim;
            this.items = new int[n];
            for (int i = 0; i < n; i++) {
                items[i] = i;
            }
            this.threshold = new double[n];
            this.left = new int[n];
            this.right = new int[n];
            this.point = new int[n];
            this.scratch = new double[n];
            build(0, n, new SplittableRandom(seed));
        }

        private int build(int lo, int hi, SplittableRandom rnd) {
            if (lo >= hi) {
                return -1;
            }
            int node = count++;
            int pick = lo + rnd.nextInt(hi - lo);
            swap(lo, pick);
            int vp = items[lo];
            point[node] = vp;
            if (hi - lo == 1) {
                left[node] = -1;
                right[node] = -1;
                threshold[node] = 0;
                return node;
            }
            for (int t = lo + 1; t < hi; t++) {
                scratch[items[t]] = Math.sqrt(sqDist(x, dim, vp, items[t]));
            }
            int mid = (lo + 1 + hi) >>> 1;
            select(lo + 1, hi - 1, mid);
            threshold[node] = scratch[items[mid]];
            int l = build(lo + 1, mid, rnd);
            int r = build(mid, hi, rnd);
            left[node] = l;
            right[node] = r;
            return node;
        }

        /** Quickselect on items[a..b] by scratch distance so that items[m] has rank m. */
        private void select(int a, int b, int m) {
            while (b > a) {
                double pivot = scratch[items[(a + b) >>> 1]];
                int i = a, j = b;
                while (i <= j) {
                    while (scratch[items[i]] < pivot) {
                        i++;
                    }
                    while (scratch[items[j]] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        swap(i, j);
                        i++;
                        j--;
                    }
                }
                if (m <= j) {
                    b = j;
                } else if (m >= i) {
                    a = i;
                } else {
                    return;
                }
            }
        }

        private void swap(int a, int b) {
            int t = items[a];
            items[a] = items[b];
            items[b] = t;
        }

        /** Fills {@code heap} (cleared) with the k nearest of point {@code q}, excluding q; distances not squared. */
        void query(int q, Heap heap) {
            if (count > 0) {
                search(0, q, heap);
            }
        }

        private void search(int node, int q, Heap heap) {
            // explicit recursion; depth is O(log n) for median splits
            int vp = point[node];
            double d = Math.sqrt(sqDist(x, dim, q, vp));
            if (vp != q) {
                heap.offer(d, vp);
            }
            double tau = heap.full() ? heap.top() : Double.POSITIVE_INFINITY;
            int l = left[node], r = right[node];
            double th = threshold[node];
            if (d < th) {
                if (l >= 0 && d - tau <= th) {
                    search(l, q, heap);
                    tau = heap.full() ? heap.top() : Double.POSITIVE_INFINITY;
                }
                if (r >= 0 && d + tau >= th) {
                    search(r, q, heap);
                }
            } else {
                if (r >= 0 && d + tau >= th) {
                    search(r, q, heap);
                    tau = heap.full() ? heap.top() : Double.POSITIVE_INFINITY;
                }
                if (l >= 0 && d - tau <= th) {
                    search(l, q, heap);
                }
            }
        }
    }

    /** Copies a row-major double[][] into a flat array, checking shape and finiteness. */
    static double[] flatten(double[][] data, String what) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        int dim = data[0] == null ? 0 : data[0].length;
        if (dim == 0) {
            throw new IllegalArgumentException(what + " has no columns");
        }
        double[] flat = new double[data.length * dim];
        for (int i = 0; i < data.length; i++) {
            if (data[i] == null || data[i].length != dim) {
                throw new IllegalArgumentException(what + " row " + i + " has "
                        + (data[i] == null ? 0 : data[i].length) + " values, expected " + dim);
            }
            for (int t = 0; t < dim; t++) {
                double v = data[i][t];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " row " + i + " column " + t + " is not finite: " + v);
                }
            }
            System.arraycopy(data[i], 0, flat, i * dim, dim);
        }
        return flat;
    }

    static int[] range(int n) {
        int[] r = new int[n];
        Arrays.setAll(r, i -> i);
        return r;
    }
}
