package io.liquid5gc.evaluation.deploy;

import io.liquid5gc.runner.UnitCommand;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The function units of a deployment (as all-in-one's ColdStartStormTest builds them, StormUnits): for every function
 * of a module's NFs a command running that module's extracted jar serving only that function
 * ({@code liquid5gc.serve.function}), with the module's SBI identity (instance id on the command line, client secret
 * in the environment), the other function NFs reached through the runner ({@code faas}) and the always-on NFs
 * ({@code http}) through the NRF.
 */
final class UnitCommands {

    /** What every unit needs to know about the deployment. */
    record Environment(String java, List<String> jvmOptions, String redisUrl, int corePort, String runnerUrlPattern,
                       Duration callTimeout, String kek) {
    }

    static List<UnitCommand> of(NfModule module, Path appDir, DeploymentKind kind, Environment env) {
        List<UnitCommand> units = new ArrayList<>();
        for (NfType nf : module.nfs()) {
            for (FunctionSpec<?, ?> f : Functions.of(nf)) {
                List<String> cmd = new ArrayList<>();
                cmd.add(env.java());
                cmd.addAll(env.jvmOptions());
                cmd.addAll(List.of("-jar", "app.jar", "--server.port={port}", "--server.address=127.0.0.1",
                        "--liquid5gc.serve.function={unit}", "--liquid5gc.serve.placement=faas",
                        "--liquid5gc.registration.enabled=false",
                        "--liquid5gc.store.type=redis", "--liquid5gc.store.redis.url=" + env.redisUrl(),
                        "--liquid5gc.store.memory.journal=none",
                        "--liquid5gc.nf.nrf.placement=http", "--liquid5gc.nf.nrf.url=http://127.0.0.1:" + env.corePort(),
                        "--liquid5gc.security.nf-instance-id=" + module.instanceId(),
                        "--liquid5gc.http.timeout=" + env.callTimeout().toSeconds() + "s",
                        "--liquid5gc.faas-url-pattern=" + env.runnerUrlPattern()));
                for (NfType other : DeploymentKind.NfGroups.ALL_BUT_NRF) {
                    if (!module.nfs().contains(other)) {
                        cmd.add("--liquid5gc.nf." + other.key() + ".placement=" + (kind.functionNfs().contains(other) ? "faas" : "http"));
                    }
                }
                // secrets from the environment, as from a Kubernetes Secret: never on a command line
                Map<String, String> secrets = new LinkedHashMap<>();
                secrets.put("LIQUID5GC_SECURITY_CLIENTSECRET", module.secret());
                if (nf == NfType.UDR) {
                    secrets.put("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_ID", "evaluation-kek");
                    secrets.put("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_KEY", env.kek());
                }
                units.add(new UnitCommand(f.name(), cmd, appDir, secrets));
            }
        }
        return units;
    }

    private UnitCommands() {
    }
}
