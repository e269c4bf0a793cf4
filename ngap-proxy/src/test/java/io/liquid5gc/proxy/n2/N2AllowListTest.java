package io.liquid5gc.proxy.n2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.runtime.safety.UnsafeSetting;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gNB allow-lists' entries and the N2 entries of the start-up WARN block. */
class N2AllowListTest {

    private static N2AllowList of(List<String> gnbs, List<String> sources) {
        return N2AllowList.of(ProxyProperties.Limits.allowing(gnbs, sources));
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void whenNothingIsListed_thenAnyGnbAndAnySourceAreAllowed() throws Exception {
        N2AllowList open = of(null, null);
        assertThat(open.anyRanNode()).isTrue();
        assertThat(open.anySource()).isTrue();
        assertThat(open.allowsRanNode(new GlobalRanNodeId.Gnb(PlmnIdentity.of("999", "70"), 5, 22))).isTrue();
        assertThat(open.allowsSource(ip("203.0.113.9"))).isTrue();
    }

    @Test
    void whenGnbsAreListed_thenOnlyThoseIdsInThatPlmnAreAllowed() {
        N2AllowList list = of(List.of("001-01-gnb-1a", "001-01-ngenb-fe", "999-070-n3iwf-7"), null);
        PlmnIdentity home = PlmnIdentity.of("001", "01");
        assertThat(list.allowsRanNode(new GlobalRanNodeId.Gnb(home, 0x1a, 22))).isTrue();
        assertThat(list.allowsRanNode(new GlobalRanNodeId.Gnb(home, 0x1a, 32))).as("any ID length").isTrue();
        assertThat(list.allowsRanNode(new GlobalRanNodeId.Gnb(home, 0x1b, 22))).isFalse();
        assertThat(list.allowsRanNode(new GlobalRanNodeId.Gnb(PlmnIdentity.of("001", "02"), 0x1a, 22))).as("other PLMN").isFalse();
        assertThat(list.allowsRanNode(new GlobalRanNodeId.NgEnb(home, 0xfe, 20))).isTrue();
        assertThat(list.allowsRanNode(new GlobalRanNodeId.Gnb(home, 0xfe, 22))).as("a gNB is no ng-eNB").isFalse();
        assertThat(list.allowsRanNode(new GlobalRanNodeId.N3iwf(PlmnIdentity.of("999", "070"), 7))).isTrue();
        assertThat(list.allowsRanNode(null)).isFalse();
    }

    @Test
    void whenSourcesAreListed_thenAddressesAndCidrBlocksMatchBitByBit() throws Exception {
        N2AllowList list = of(null, List.of("192.0.2.7", "10.20.0.0/14", "fd00::/8"));
        assertThat(list.allowsSource(ip("192.0.2.7"))).isTrue();
        assertThat(list.allowsSource(ip("192.0.2.8"))).isFalse();
        assertThat(list.allowsSource(ip("10.23.255.255"))).as("10.20.0.0/14 ends at 10.23.255.255").isTrue();
        assertThat(list.allowsSource(ip("10.24.0.0"))).isFalse();
        assertThat(list.allowsSource(ip("10.19.255.255"))).isFalse();
        assertThat(list.allowsSource(ip("fd12:3456::1"))).isTrue();
        assertThat(list.allowsSource(ip("fe80::1"))).isFalse();
        assertThat(list.allowsSource(null)).isFalse();
    }

    @Test
    void whenAnEntryDoesNotParse_thenTheStartFailsNamingTheSetting() {
        assertThatThrownBy(() -> of(List.of("gnb-1"), null)).hasMessageContaining("liquid5gc.proxy.limits.allowed-gnbs")
                .hasMessageContaining("gnb-1");
        assertThatThrownBy(() -> of(List.of("001-01-enb-1"), null)).hasMessageContaining("allowed-gnbs");
        assertThatThrownBy(() -> of(null, List.of("gnb.example.org"))).hasMessageContaining("liquid5gc.proxy.limits.allowed-sources");
        assertThatThrownBy(() -> of(null, List.of("10.0.0.0/33"))).hasMessageContaining("allowed-sources");
    }

    // --- e. the start-up WARN block ---

    private static List<String> unsafe(String udpBind, List<String> gnbs) {
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>(java.util.Map.of("sctp.udp-port", "0", "sctp.kernel", "off"));
        if (udpBind != null) { // null: the declared default
            properties.put("sctp.udp-bind-address", udpBind);
        }
        if (gnbs != null && !gnbs.isEmpty()) {
            properties.put("limits.allowed-gnbs", String.join(",", gnbs));
        }
        ProxyProperties p = ProxyProperties.bind(properties);
        return new N2SafetyChecks(p).unsafeSettings().stream().map(UnsafeSetting::id).toList();
    }

    @Test
    void whenN2BindsAllInterfacesAndTakesAnyGnb_thenBothAreReportedAsUnsafe() {
        assertThat(unsafe(null, null)).as("the lab defaults: 0.0.0.0, no allow-list")
                .containsExactly("n2-binds-on-all-interfaces", "n2-any-gnb");
        assertThat(unsafe("::", List.of("001-01-gnb-1"))).containsExactly("n2-binds-on-all-interfaces");
    }

    @Test
    void whenN2BindsOneAddressWithAnAllowList_thenNothingIsReported() {
        assertThat(unsafe("127.0.0.1", List.of("001-01-gnb-1"))).isEmpty();
    }
}
