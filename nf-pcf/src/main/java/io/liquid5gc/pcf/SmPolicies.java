package io.liquid5gc.pcf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.Arp;
import io.liquid5gc.sbi.pcf.AuthorizedDefaultQos;
import io.liquid5gc.sbi.pcf.FlowInformation;
import io.liquid5gc.sbi.pcf.PccRule;
import io.liquid5gc.sbi.pcf.QosData;
import io.liquid5gc.sbi.pcf.SessionRule;
import io.liquid5gc.sbi.pcf.SmPolicyContextData;
import io.liquid5gc.sbi.pcf.SmPolicyControl;
import io.liquid5gc.sbi.pcf.SmPolicyDecision;
import io.liquid5gc.sbi.pcf.SmPolicyGetRequest;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;

/**
 * SM policy associations (TS 29.512 Npcf_SMPolicyControl): create decides the session rule (session AMBR, default QoS)
 * and the default PCC rule from the configured policy for the slice and DNN, stores the association at
 * {@code pcf/sm-policy/<smPolicyId>}; get reads it back.
 */
final class SmPolicies {

    static final String DEFAULT_SESS_RULE = "SessRule-1";
    static final String DEFAULT_PCC_RULE = "PccRule-default";
    static final String DEFAULT_QOS = "QosData-default";
    private static final Pattern SUPI = Pattern.compile("(imsi-\\d{5,15}|nai-.+)");
    private static final Pattern POLICY_ID = Pattern.compile("[A-Za-z0-9@._-]{1,200}");

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final PcfProperties properties;

    SmPolicies(KeyValueStore store, ObjectMapper json, PcfProperties properties) {
        this.store = store;
        this.json = json;
        this.properties = properties;
    }

    /** Npcf_SMPolicyControl_Create (TS 29.512 4.2.2.2); a new association for the same SUPI and PDU session replaces the old. */
    SmPolicyControl handleCreate(SmPolicyContextData context) {
        validate(context);
        SmPolicyDecision decision = decide(context);
        String id = context.supi() + "-" + context.pduSessionId();
        SmPolicyControl association = new SmPolicyControl(id, context, decision);
        store.put(keyOf(id), json.writeValueAsBytes(association));
        return association;
    }

    /** GET of an SM policy association (TS 29.512 4.2.5); 404 CONTEXT_NOT_FOUND when there is none. */
    SmPolicyControl handleGet(SmPolicyGetRequest request) {
        if (request.smPolicyId() == null || request.smPolicyId().isBlank()) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "smPolicyId is required");
        }
        if (!POLICY_ID.matcher(request.smPolicyId()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "smPolicyId is not a valid id");
        }
        return store.get(keyOf(request.smPolicyId()))
                .map(bytes -> json.readValue(bytes, SmPolicyControl.class))
                .orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM policy association " + request.smPolicyId()));
    }

    /** The decision: the most specific configured policy; else the subscription's values; else the default policy. */
    SmPolicyDecision decide(SmPolicyContextData context) {
        Optional<PcfProperties.Policy> configured = properties.policies().stream()
                .filter(p -> p.specificity(context.sliceInfo(), context.dnn()) >= 0)
                .max(Comparator.comparingInt(p -> p.specificity(context.sliceInfo(), context.dnn())));
        Ambr ambr;
        int fiveQi;
        Arp arp;
        if (configured.isPresent()) {
            ambr = configured.get().sessionAmbr();
            fiveQi = configured.get().fiveQi();
            arp = configured.get().arp();
        } else {
            PcfProperties.Policy d = properties.defaultPolicy();
            ambr = context.subsSessAmbr() != null ? context.subsSessAmbr() : d.sessionAmbr();
            fiveQi = context.subsDefQos() != null && context.subsDefQos().fiveQi() != null ? context.subsDefQos().fiveQi() : d.fiveQi();
            arp = context.subsDefQos() != null && context.subsDefQos().arp() != null ? context.subsDefQos().arp() : d.arp();
        }
        // TS 29.512 4.2.2.2 / 5.6.2.7: the session rule carries the authorised session AMBR and default QoS.
        SessionRule sessionRule = new SessionRule(ambr, new AuthorizedDefaultQos(fiveQi, arp, null), DEFAULT_SESS_RULE);
        // The default PCC rule: all traffic, lowest precedence, on the default QoS flow (TS 29.512 5.6.2.6, 5.6.2.8).
        QosData qos = new QosData(DEFAULT_QOS, fiveQi, ambr.uplink(), ambr.downlink(), null, null, arp, null, true);
        PccRule pcc = new PccRule(DEFAULT_PCC_RULE,
                java.util.List.of(new FlowInformation("permit out ip from any to any", "BIDIRECTIONAL")), 255,
                java.util.List.of(DEFAULT_QOS));
        return new SmPolicyDecision(Map.of(DEFAULT_SESS_RULE, sessionRule), Map.of(DEFAULT_PCC_RULE, pcc), Map.of(DEFAULT_QOS, qos));
    }

    private static void validate(SmPolicyContextData c) {
        // TS 29.512 5.6.2.3: supi, pduSessionId, pduSessionType, dnn, sliceInfo are mandatory (notificationUri too; optional here).
        if (c.supi() == null || c.pduSessionId() == null || c.dnn() == null || c.sliceInfo() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "supi, pduSessionId, dnn and sliceInfo are required");
        }
        if (!SUPI.matcher(c.supi()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "supi must be imsi-<digits> or nai-...: " + c.supi());
        }
        if (c.pduSessionId() < 1 || c.pduSessionId() > 15) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "pduSessionId must be 1..15: " + c.pduSessionId());
        }
    }

    private static String keyOf(String id) {
        return "pcf/sm-policy/" + id;
    }
}
