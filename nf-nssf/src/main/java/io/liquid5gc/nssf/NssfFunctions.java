package io.liquid5gc.nssf;

import io.liquid5gc.sbi.nssf.AuthorizedNetworkSliceInfo;
import io.liquid5gc.sbi.nssf.NssfApi;
import io.liquid5gc.sbi.nssf.NsSelectionRequest;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The NSSF's functions as Spring Cloud Function beans, named as in the contract. */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties(NssfProperties.class)
public class NssfFunctions {

    @Bean
    SliceSelection nssfSliceSelection(NssfProperties properties) {
        return new SliceSelection(properties);
    }

    /** {@code nssf-slice-select}: Nnssf_NSSelection_Get for registration (TS 29.531 5.2.2.2.2). */
    @Bean(name = NssfApi.Names.SLICE_SELECT)
    Function<NsSelectionRequest, AuthorizedNetworkSliceInfo> nssfSliceSelect(SliceSelection selection) {
        return selection::handleNsSelectionGet;
    }
}
