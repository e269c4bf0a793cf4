package io.liquid5gc.sctp.udp;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * How the endpoint finds the association of a packet (RFC 9260 8.5): by our verification tag, or for packets that
 * carry no usable tag (INIT, COOKIE ECHO, T-bit ABORT) by {@link PeerKey}. Confined to the I/O thread.
 */
final class AssociationIndex {

    /**
     * The peer's UDP source address and port plus its SCTP port and ours. RFC 6951 identifies associations by IP
     * addresses and SCTP ports; adding the UDP port keeps two gNBs behind one NAT apart even when they use the
     * same SCTP port. Packets with a valid tag are found by tag alone, whatever their UDP port.
     */
    record PeerKey(InetSocketAddress udpSource, int peerPort, int localPort) {
        static PeerKey of(AssociationCore core) {
            return new PeerKey(core.remote, core.peerPort, core.localPort);
        }
    }

    private final Map<Integer, AssociationCore> byLocalTag = new HashMap<>();
    private final Map<PeerKey, AssociationCore> byPeer = new HashMap<>();

    AssociationCore byTag(int localTag) {
        return byLocalTag.get(localTag);
    }

    AssociationCore byPeer(PeerKey key) {
        return byPeer.get(key);
    }

    boolean hasPeer(PeerKey key) {
        return byPeer.containsKey(key);
    }

    void putPeer(PeerKey key, AssociationCore core) {
        byPeer.put(key, core);
    }

    void putTag(int localTag, AssociationCore core) {
        byLocalTag.put(localTag, core);
    }

    /** The association reached CLOSED. */
    void remove(AssociationCore core) {
        byLocalTag.remove(core.localTag, core);
        if (!byPeer.remove(PeerKey.of(core), core)) {
            byPeer.values().remove(core);
        }
    }

    /** The peer's UDP source changed from {@code old} to {@code core.remote}. */
    void remoteChanged(AssociationCore core, InetSocketAddress old) {
        if (byPeer.remove(new PeerKey(old, core.peerPort, core.localPort), core)) {
            byPeer.putIfAbsent(PeerKey.of(core), core);
        }
    }

    /** Our tag changed (restart, RFC 9260 5.2.4 action A). */
    void localTagChanged(AssociationCore core, int oldTag) {
        byLocalTag.remove(oldTag, core);
        byLocalTag.put(core.localTag, core);
    }
}
