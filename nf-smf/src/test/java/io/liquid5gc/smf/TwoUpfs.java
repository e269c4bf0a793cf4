package io.liquid5gc.smf;

import io.liquid5gc.gtpu.Open5gsUpf;
import java.util.ArrayList;
import java.util.List;

/**
 * Two real UPFs (Open5GS's, each in a namespace of its own, {@link Open5gsUpf}) reachable from one SMF N4 address and
 * one gNB N3 address of this host: both addresses are /32s on lo ({@code <prefix>.1} and {@code <prefix>.3}), and each
 * namespace gets an on-link route to them. Closing stops the UPFs and removes the addresses.
 */
final class TwoUpfs implements AutoCloseable {

    final String smfN4;
    final String gnbN3;
    final Open5gsUpf a;
    final Open5gsUpf b;
    private final List<AutoCloseable> opened;

    private TwoUpfs(String smfN4, String gnbN3, Open5gsUpf a, Open5gsUpf b, List<AutoCloseable> opened) {
        this.smfN4 = smfN4;
        this.gnbN3 = gnbN3;
        this.a = a;
        this.b = b;
        this.opened = opened;
    }

    /**
     * @param prefix    the first three octets of the host's two addresses, e.g. {@code 10.203.43}, unique per test class
     * @param nameA     UPF A's namespace name, with its {@code subnetA} (see {@link Open5gsUpf#start})
     */
    static TwoUpfs start(String prefix, String nameA, int subnetA, String nameB, int subnetB) throws Exception {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            String smfN4 = prefix + ".1";
            String gnbN3 = prefix + ".3";
            opened.add(Open5gsUpf.hostAddress(smfN4));
            opened.add(Open5gsUpf.hostAddress(gnbN3));
            Open5gsUpf a = Open5gsUpf.start(nameA, subnetA);
            opened.add(a);
            Open5gsUpf b = Open5gsUpf.start(nameB, subnetB);
            opened.add(b);
            for (Open5gsUpf u : List.of(a, b)) {
                u.routeTo(smfN4 + "/32");
                u.routeTo(gnbN3 + "/32");
            }
            return new TwoUpfs(smfN4, gnbN3, a, b, opened);
        } catch (Exception | Error e) {
            closeAll(opened);
            throw e;
        }
    }

    private static void closeAll(List<AutoCloseable> opened) throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    @Override
    public void close() throws Exception {
        closeAll(opened);
    }
}
