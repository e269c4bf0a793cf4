package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.proxy.ProxyProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which gNBs N2 takes ({@code liquid5gc.proxy.limits.allowed-gnbs} and {@code allowed-sources}): by Global RAN Node ID
 * at NG Setup (TS 38.413 9.3.1.5) and by source address at association. An empty list admits any; entries that do
 * not parse fail the start, naming the setting.
 */
public final class N2AllowList {

    /** A Global RAN Node ID entry: PLMN, kind (gnb, ngenb, n3iwf) and node ID. */
    private record NodeEntry(PlmnIdentity plmn, String kind, long id) {
        boolean matches(GlobalRanNodeId node) {
            return switch (node) {
                case GlobalRanNodeId.Gnb g -> kind.equals("gnb") && g.plmn().equals(plmn) && g.gnbId() == id;
                case GlobalRanNodeId.NgEnb e -> kind.equals("ngenb") && e.plmn().equals(plmn) && e.enbId() == id;
                case GlobalRanNodeId.N3iwf n -> kind.equals("n3iwf") && n.plmn().equals(plmn) && n.n3iwfId() == id;
                case GlobalRanNodeId.Extension x -> false;
            };
        }
    }

    /** An address block: the first {@code prefix} bits of {@code network}. */
    private record Block(byte[] network, int prefix) {
        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((b[full] ^ network[full]) & (0xFF << (8 - rest)) & 0xFF) == 0;
        }
    }

    private final List<NodeEntry> nodes;
    private final List<Block> sources;

    private N2AllowList(List<NodeEntry> nodes, List<Block> sources) {
        this.nodes = nodes;
        this.sources = sources;
    }

    public static N2AllowList of(ProxyProperties.Limits limits) {
        List<NodeEntry> nodes = new ArrayList<>();
        for (String s : limits.allowedGnbs()) {
            nodes.add(parseNode(s));
        }
        List<Block> sources = new ArrayList<>();
        for (String s : limits.allowedSources()) {
            sources.add(parseBlock(s));
        }
        return new N2AllowList(List.copyOf(nodes), List.copyOf(sources));
    }

    /** No Global RAN Node ID list: any gNB may set up. */
    public boolean anyRanNode() {
        return nodes.isEmpty();
    }

    /** No source list: any address may associate. */
    public boolean anySource() {
        return sources.isEmpty();
    }

    public boolean allowsRanNode(GlobalRanNodeId id) {
        return nodes.isEmpty() || id != null && nodes.stream().anyMatch(n -> n.matches(id));
    }

    public boolean allowsSource(InetAddress address) {
        return sources.isEmpty() || address != null && sources.stream().anyMatch(b -> b.contains(address));
    }

    /** {@code MCC-MNC-KIND-HEXID}, e.g. {@code 001-01-gnb-1} or {@code 999-70-ngenb-fe}. */
    private static NodeEntry parseNode(String s) {
        String[] p = s.trim().split("-");
        try {
            if (p.length != 4) {
                throw new IllegalArgumentException("four parts");
            }
            String kind = p[2].toLowerCase(Locale.ROOT);
            if (!List.of("gnb", "ngenb", "n3iwf").contains(kind)) {
                throw new IllegalArgumentException("kind gnb, ngenb or n3iwf");
            }
            return new NodeEntry(PlmnIdentity.of(p[0], p[1]), kind, Long.parseUnsignedLong(p[3], 16));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("liquid5gc.proxy.limits.allowed-gnbs: \"" + s
                    + "\" is not MCC-MNC-gnb-HEXID (e.g. 001-01-gnb-1; also ngenb, n3iwf): " + e.getMessage(), e);
        }
    }

    /** An address ({@code 192.0.2.7}, {@code ::1}) or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}); no names. */
    private static Block parseBlock(String s) {
        String t = s.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        try {
            if (addr.isEmpty() || !(addr.indexOf(':') >= 0 || addr.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
                throw new IllegalArgumentException("not a numeric address");
            }
            byte[] network = InetAddress.getByName(addr).getAddress(); // numeric: no name lookup
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix length 0.." + network.length * 8);
            }
            return new Block(network, prefix);
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("liquid5gc.proxy.limits.allowed-sources: \"" + s
                    + "\" is not an address or CIDR block (e.g. 10.20.0.0/16): " + e.getMessage(), e);
        }
    }
}
