package io.liquid5gc.udr.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports {@code liquid5gc.provisioning.default-subscribers} at startup when the store has no subscriber at all (a
 * fresh in-process store or an empty Redis): a core that starts empty can authenticate its documented default UEs,
 * and a store that already has subscribers (journal, Redis) is never touched. With a Redis that does not answer yet, the
 * import runs once it does, before the UDR is reported ready. The import is marked {@code started} in the store before
 * its first write and {@code done} after its last: one cut short (a Redis command timing out on a busy machine, the
 * process killed) is finished by the next attempt or the next UDR to start, which skips the subscribers already there;
 * several UDRs starting at once on one store import side by side without harm (each subscriber is created only if absent).
 */
final class DefaultSubscribers implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DefaultSubscribers.class);

    private final SubscriberProvisioning provisioning;
    private final ProvisioningProperties properties;
    private final ResourceLoader resources;
    private final ObjectMapper json;

    DefaultSubscribers(SubscriberProvisioning provisioning, ProvisioningProperties properties, ResourceLoader resources, ObjectMapper json) {
        this.provisioning = provisioning;
        this.properties = properties;
        this.resources = resources;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String location = properties.defaultSubscribers();
        if (location == null) {
            return;
        }
        provisioning.whenStoreAnswers("default subscribers import", () -> importInto(location));
    }

    private void importInto(String location) {
        String state = provisioning.defaultImport().orElse("");
        if (state.startsWith("done ")) {
            log.info("the default subscribers were imported before ({}): not imported again", state.substring(5));
            return;
        }
        boolean resumed = state.startsWith("started ");
        if (!resumed && provisioning.any()) {
            log.info("subscribers already provisioned: the default set {} is not imported", location);
            return;
        }
        if (resumed) {
            log.info("finishing the default subscribers' import that began before ({}): the ones already there are kept", state.substring(8));
        }
        provisioning.markDefaultImport("started " + location);
        Resource resource = resources.getResource(location);
        String text;
        try (InputStream in = resource.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("liquid5gc.provisioning.default-subscribers=" + location + ": cannot read it: " + e.getMessage(), e);
        }
        SubscriberProvisioning.Outcome o = provisioning.importAll(SubscriberFiles.parse(text, SubscriberFiles.Format.of(location), json), false);
        provisioning.markDefaultImport("done " + location);
        log.info("imported the default subscribers of {}: {} created, {} already there", location, o.created(), o.skipped());
    }
}
