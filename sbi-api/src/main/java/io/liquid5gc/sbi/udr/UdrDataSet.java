package io.liquid5gc.sbi.udr;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The data sets of a subscriber in the UDR, named as their TS 29.505 resources. */
public enum UdrDataSet {
    /** {@code authentication-data/authentication-subscription} (TS 29.505 5.2.2.2): UDM only (it holds K and OPc). */
    @JsonProperty("authentication-subscription") AUTHENTICATION_SUBSCRIPTION,
    /** {@code provisioned-data/am-data} (TS 29.505 5.2.2.3.4). */
    @JsonProperty("am-data") AM_DATA,
    /** {@code provisioned-data/smf-selection-subscription-data} (TS 29.505 5.2.2.3.5). */
    @JsonProperty("smf-selection-subscription-data") SMF_SELECTION_SUBSCRIPTION_DATA,
    /** {@code provisioned-data/sm-data} (TS 29.505 5.2.2.3.7). */
    @JsonProperty("sm-data") SM_DATA
}
