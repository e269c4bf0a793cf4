package io.liquid5gc.sbi.udm;

/** DataSetName (TS 29.503 6.1.6.3.3), the data sets {@code udm-get-subscriber-data} serves. */
public enum DataSetName {
    /** Access and mobility subscription data. */
    AM,
    /** SMF selection subscription data. */
    SMF_SEL,
    /** Session management subscription data. */
    SM
}
