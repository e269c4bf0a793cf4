/**
 * Namf_Communication N1N2MessageTransfer (TS 29.518 5.2.2.3.1, 6.1.3.5.3.1): the resource the process terminating N2
 * serves for the SMF ({@code POST /namf-comm/v1/ue-contexts/{ueContextId}/n1-n2-messages}) when the SMF runs in
 * another process. The JSON shapes are TS 29.518's; the N1 and N2 SM contents travel as this project's typed records
 * (the ones {@code smf-pdu-session-release} answers with), named from {@code n1MessageContent}/{@code ngapData} by
 * their {@code contentId}, not as multipart binary parts.
 */
package io.liquid5gc.sbi.amf.n1n2;
