package io.liquid5gc.sctp.udp;

/** Growable ring buffer of outstanding chunks, indexed from the oldest (lowest TSN). */
final class OutRing {
    private OutChunk[] a = new OutChunk[64];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    OutChunk get(int i) {
        return a[(head + i) & (a.length - 1)];
    }

    OutChunk first() {
        return size == 0 ? null : a[head];
    }

    OutChunk last() {
        return size == 0 ? null : get(size - 1);
    }

    void addLast(OutChunk c) {
        if (size == a.length) {
            OutChunk[] n = new OutChunk[a.length * 2];
            for (int i = 0; i < size; i++) {
                n[i] = get(i);
            }
            a = n;
            head = 0;
        }
        a[(head + size) & (a.length - 1)] = c;
        size++;
    }

    OutChunk removeFirst() {
        OutChunk c = a[head];
        a[head] = null;
        head = (head + 1) & (a.length - 1);
        size--;
        return c;
    }

    void clear() {
        java.util.Arrays.fill(a, null);
        head = 0;
        size = 0;
    }
}
