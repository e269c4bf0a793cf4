package io.liquid5gc.runtime.invoke;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * A process that is the unit of one function deploys only that function: when {@code liquid5gc.serve.function} names
 * one of the contract's functions (or, on AWS Lambda, {@code spring.cloud.function.definition} names exactly one), the
 * bean definitions of the NF's other contract functions are removed before any bean is created. The process then
 * answers only that function ({@code POST /} and {@code POST /<function>}; any other function is 404 "not deployed"),
 * does not build the others' beans, and its callers route the NF's other functions to wherever they are deployed
 * (a sibling function the unit calls must be placed {@code http} or {@code faas} for it, as the Helm chart does).
 *
 * <p>Runs after the configuration classes (including every NF's auto-configuration) have registered their beans,
 * because it is an unordered registry post-processor; beans that are not contract functions are left alone.
 */
public final class SingleFunctionDeployment implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(SingleFunctionDeployment.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /**
     * The function this process is the unit of, if any; a {@code liquid5gc.serve.function} that is not one of the 31
     * functions is refused at start (a typo would otherwise deploy nothing and answer 404 for ever).
     */
    static Optional<FunctionSpec<?, ?>> unitFunction(Environment environment) {
        String serve = environment.getProperty("liquid5gc.serve.function");
        if (serve != null && !serve.isBlank()) {
            String name = serve.trim().toLowerCase(Locale.ROOT);
            return Optional.of(Functions.byName(name).orElseThrow(() -> new IllegalStateException(
                    "liquid5gc.serve.function=" + serve + ": not one of the 31 functions of the contract")));
        }
        String definition = environment.getProperty("spring.cloud.function.definition");
        if (definition != null && !definition.isBlank() && !definition.contains(";") && !definition.contains("|")
                && !definition.contains(",")) {
            return Functions.byName(definition.trim());
        }
        return Optional.empty();
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Optional<FunctionSpec<?, ?>> unit = unitFunction(environment);
        if (unit.isEmpty()) {
            return;
        }
        String kept = unit.get().name();
        if (!registry.containsBeanDefinition(kept)) {
            throw new IllegalStateException("liquid5gc.serve.function=" + kept + ": this application does not contain it ("
                    + unit.get().nf() + " functions are in that NF's module)");
        }
        List<String> removed = new ArrayList<>();
        for (FunctionSpec<?, ?> spec : Functions.all()) {
            if (!spec.name().equals(kept) && registry.containsBeanDefinition(spec.name())) {
                registry.removeBeanDefinition(spec.name());
                removed.add(spec.name());
            }
        }
        log.info("unit of function {}: the other {} functions of this application are not deployed here {}", kept,
                removed.size(), removed);
    }
}
