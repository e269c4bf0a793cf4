package io.liquid5gc.runtime.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.app.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class OperatorAccessTest {

    @TempDir
    Path dir;

    private OperatorProperties props(OperatorProperties.Auth auth, String token) {
        return new OperatorProperties(auth, token, dir.resolve("operator.token"), List.of("ops-admin"));
    }

    @Test
    void whenBoundToLoopbackInAuto_thenNoAuthenticationIsRequiredAndThatIsReported() {
        OperatorAccess a = OperatorAccess.resolve(props(OperatorProperties.Auth.AUTO, null), new MockEnvironment().withProperty("server.address", "127.0.0.1"));
        assertThat(a.required()).isFalse();
        assertThat(a.unsafeSettings()).extracting(s -> s.id()).containsExactly("operator-auth-off");
        assertThat(Files.exists(dir.resolve("operator.token"))).isFalse();
    }

    @Test
    void whenBoundToAllInterfacesWithoutAToken_thenOneIsGeneratedOwnerOnlyAndReusedAtTheNextStart() throws Exception {
        OperatorAccess first = OperatorAccess.resolve(props(OperatorProperties.Auth.AUTO, null), new MockEnvironment());
        Path file = dir.resolve("operator.token");
        assertThat(first.required()).isTrue();
        assertThat(first.tokenSource()).isEqualTo(OperatorAccess.TokenSource.GENERATED);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PrivateFiles.OWNER_ONLY);
        String token = Files.readString(file).strip();
        assertThat(first.acceptsBearer("Bearer " + token)).isTrue();
        assertThat(first.acceptsBearer("Bearer " + token + "x")).isFalse();
        assertThat(first.acceptsBearer(null)).isFalse();
        OperatorAccess second = OperatorAccess.resolve(props(OperatorProperties.Auth.AUTO, null), new MockEnvironment().withProperty("server.address", "0.0.0.0"));
        assertThat(second.tokenSource()).isEqualTo(OperatorAccess.TokenSource.FILE);
        assertThat(second.acceptsBearer("Bearer " + token)).isTrue();
    }

    @Test
    void whenTheOldProvisioningTokenIsSet_thenItIsTheOperatorToken() {
        OperatorAccess a = OperatorAccess.resolve(props(OperatorProperties.Auth.REQUIRED, null),
                new MockEnvironment().withProperty("liquid5gc.provisioning.token", "legacy-token-123456"));
        assertThat(a.acceptsBearer("Bearer legacy-token-123456")).isTrue();
        assertThat(a.unsafeSettings()).isEmpty();
    }

    @Test
    void whenAClientCertificateSubjectIsListed_thenItsCnOrDnIsAccepted() {
        OperatorAccess a = OperatorAccess.resolve(props(OperatorProperties.Auth.REQUIRED, "t0ken-t0ken-t0ken"), new MockEnvironment());
        assertThat(a.acceptsSubject("CN=ops-admin,O=Example")).isTrue();
        assertThat(a.acceptsSubject("CN=someone-else,O=Example")).isFalse();
    }

    @Test
    void whenTheTokenFileCannotBeCreated_thenTheStartFailsSayingWhatToSet() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        OperatorProperties p = new OperatorProperties(OperatorProperties.Auth.AUTO, null, blocker.resolve("operator.token"), List.of());
        assertThatThrownBy(() -> OperatorAccess.resolve(p, new MockEnvironment()))
                .hasMessageContaining("set liquid5gc.operator.token (LIQUID5GC_OPERATOR_TOKEN)");
    }
}
