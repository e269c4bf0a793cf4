package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/aws/template.yaml (AWS SAM) against the function contract: one Lambda function per Liquid5GC function, the
 * adapter handler, the function definition, the jar of the NF that owns it, a route POST /{function} of a private REST
 * API, and the NF's own identity for access tokens (TS 33.501 13.4.1). The invocation through the adapter handler with
 * an API Gateway event, and its token check, are tested in the NF modules (NrfAwsLambdaTest, NssfAwsLambdaTest).
 */
class SamTemplateTest {

    static final Path TEMPLATE = Repo.path("deploy/aws/template.yaml");
    static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

    static JsonNode template() throws Exception {
        return new YAMLMapper().readTree(TEMPLATE.toFile());
    }

    static String module(NfType nf) {
        return nf.release17() ? "nf-r17" : "nf-" + nf.key();
    }

    @Test
    void whenParsed_thenEveryFunctionOfTheContractIsOneLambdaFunctionOfItsNfsJar() throws Exception {
        JsonNode t = template();
        assertThat(t.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        Map<String, JsonNode> byDefinition = new HashMap<>();
        t.path("Resources").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                String def = e.getValue().path("Properties").path("Environment").path("Variables")
                        .path("SPRING_CLOUD_FUNCTION_DEFINITION").asText();
                assertThat(byDefinition.put(def, e.getValue())).as("one Lambda function for " + def).isNull();
            }
        });
        assertThat(byDefinition.keySet()).containsExactlyInAnyOrderElementsOf(
                Functions.all().stream().map(FunctionSpec::name).toList());

        for (FunctionSpec<?, ?> f : Functions.all()) {
            JsonNode p = byDefinition.get(f.name()).path("Properties");
            String module = module(f.nf());
            assertThat(p.path("CodeUri").asText()).as(f.name())
                    .isEqualTo("../../" + module + "/target/" + module + "-0.1.0-SNAPSHOT-aws.jar");
            // the module builds that jar (shade execution "aws" of the parent) and has the main class named
            assertThat(Files.readString(Repo.path(module + "/pom.xml"))).contains("maven-shade-plugin");
            String main = p.path("Environment").path("Variables").path("MAIN_CLASS").asText();
            assertThat(Repo.path(module + "/src/main/java/" + main.replace('.', '/') + ".java")).as(main).exists();
            JsonNode event = p.path("Events").path("Http");
            assertThat(event.path("Type").asText()).isEqualTo("Api");
            assertThat(event.path("Properties").path("RestApiId").asText()).isEqualTo("Api");
            assertThat(event.path("Properties").path("Method").asText()).isEqualTo("POST");
            assertThat(event.path("Properties").path("Path").asText()).isEqualTo("/" + f.name());
            assertThat(p.has("Handler")).as("handler comes from Globals").isFalse();
            // the function's own NF identity at the NRF, from Secrets Manager, never a literal
            JsonNode vars = p.path("Environment").path("Variables");
            String nf = f.nf().key();
            assertThat(vars.path("LIQUID5GC_SECURITY_NFINSTANCEID").asText()).as(f.name())
                    .isEqualTo("{{resolve:secretsmanager:${NfCredentialsSecretArn}:SecretString:" + nf + "InstanceId}}");
            assertThat(vars.path("LIQUID5GC_SECURITY_CLIENTSECRET").asText()).as(f.name())
                    .isEqualTo("{{resolve:secretsmanager:${NfCredentialsSecretArn}:SecretString:" + nf + "ClientSecret}}");
        }
    }

    @Test
    void whenParsed_thenTheApiIsPrivateToTheVpcEndpointAndSecurityIsNeverSwitchedOff() throws Exception {
        JsonNode t = template();
        JsonNode api = t.path("Resources").path("Api");
        assertThat(api.path("Type").asText()).isEqualTo("AWS::Serverless::Api");
        JsonNode props = api.path("Properties");
        assertThat(props.path("EndpointConfiguration").path("Type").asText()).isEqualTo("PRIVATE");
        assertThat(props.path("EndpointConfiguration").path("VPCEndpointIds").path(0).asText()).isEqualTo("ExecuteApiVpcEndpointId");
        assertThat(props.path("Auth").path("ResourcePolicy").path("IntrinsicVpceWhitelist").path(0).asText())
                .isEqualTo("ExecuteApiVpcEndpointId");
        JsonNode env = t.path("Globals").path("Function").path("Environment").path("Variables");
        assertThat(env.path("LIQUID5GC_SECURITY_TOKENURI").asText()).isEqualTo("${NrfUrl}/oauth2/token");
        assertThat(env.path("LIQUID5GC_SECURITY_JWKSURI").asText()).isEqualTo("${NrfUrl}/oauth2/jwks");
        assertThat(Files.readString(TEMPLATE)).doesNotContain("LIQUID5GC_SECURITY_ENABLED").doesNotContain("HttpApi");
    }

    @Test
    void whenParsed_thenGlobalsCarryTheAdapterHandlerAndTheFaasEnvironment() throws Exception {
        JsonNode g = template().path("Globals").path("Function");
        assertThat(g.path("Handler").asText()).isEqualTo(HANDLER);
        assertThat(g.path("MemorySize").asInt()).isGreaterThanOrEqualTo(512);
        assertThat(g.path("Timeout").asInt()).isPositive();
        JsonNode env = g.path("Environment").path("Variables");
        assertThat(env.path("SPRING_MAIN_WEB_APPLICATION_TYPE").asText()).isEqualTo("none");
        assertThat(env.path("LIQUID5GC_SERVE_PLACEMENT").asText()).isEqualTo("faas");
        assertThat(env.path("LIQUID5GC_STORE_TYPE").asText()).isEqualTo("redis");
        for (NfType nf : NfType.values()) {
            assertThat(env.path("LIQUID5GC_NF_" + nf.key().toUpperCase() + "_PLACEMENT").asText()).as(nf.key()).isEqualTo("faas");
        }
    }

    @Test
    void whenParsed_thenProvisionedConcurrencyIsAnOptionOffByDefaultAndSwitchesSnapStartOff() throws Exception {
        JsonNode t = template();
        assertThat(t.path("Parameters").path("ProvisionedConcurrency").path("Default").asInt(-1)).isZero();
        assertThat(t.path("Conditions").has("WithProvisionedConcurrency")).isTrue();
        JsonNode g = t.path("Globals").path("Function");
        assertThat(g.path("AutoPublishAlias").asText()).as("provisioned concurrency lives on an alias").isEqualTo("live");
        assertThat(g.has("ProvisionedConcurrencyConfig")).isTrue();
        // Lambda does not combine SnapStart with provisioned concurrency: the same condition decides both
        assertThat(Files.readString(TEMPLATE)).contains("ApplyOn: !If [WithProvisionedConcurrency, None, PublishedVersions]");
    }

    @Test
    void whenParsed_thenSecretsComeFromSecretsManagerNeverLiterals() throws Exception {
        String text = Files.readString(TEMPLATE);
        assertThat(text).doesNotContainPattern("(?i)\\b[0-9a-f]{64}\\b");
        assertThat(text).contains("{{resolve:secretsmanager:${RedisPasswordSecretArn}}}",
                "{{resolve:secretsmanager:${HomeNetworkKeysSecretArn}:SecretString:profileA}}");
    }
}
