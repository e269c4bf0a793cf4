package io.liquid5gc.udr;

import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.SessionManagementSubscriptionData;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.DataWriteRequest;
import io.liquid5gc.sbi.udr.DataWriteResult;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.sbi.udr.UdrDataSet;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Nudr_DataRepository for subscription data (TS 29.504 5.2.2, resources of TS 29.505 5.2.2). The authentication
 * subscription holds K and OPc: it is read and written by the UDM only (TS 33.501 6.1.3.2: they never leave the
 * UDR/UDM); every other caller gets 403. The caller is the one its access token names ({@link Caller#current()}),
 * never one the request names.
 */
final class UdrDataService {

    /** TS 29.571 Supi: imsi-<5..15 digits> or nai-<NAI>. */
    static final Pattern SUPI = Pattern.compile("imsi-\\d{5,15}|nai-.{1,253}");
    private static final Pattern SQN = Pattern.compile("[0-9a-fA-F]{12}");

    private final SubscriberRepository repository;
    private final long maxSqnStep;

    UdrDataService(SubscriberRepository repository, long maxSqnStep) {
        this.repository = repository;
        this.maxSqnStep = maxSqnStep;
    }

    /** udr-data-read: QueryAuthSubsData, QueryAmData, QuerySmfSelectData, QuerySmData (TS 29.505 5.2.2.2-5.2.2.3). */
    SubscriptionData handleDataRead(DataReadRequest request) {
        String supi = requireSupi(request.ueId());
        if (request.dataSets().isEmpty()) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "dataSets: name at least one data set");
        }
        if (request.dataSets().contains(UdrDataSet.AUTHENTICATION_SUBSCRIPTION) && !Caller.current().isAnyOf(ConsumerType.UDM)) {
            throw refused(Caller.current(), "read authentication-subscription");
        }
        SubscriptionData data = repository.find(supi).orElseThrow(() -> userNotFound(supi));
        List<UdrDataSet> sets = request.dataSets();
        return new SubscriptionData(supi,
                sets.contains(UdrDataSet.AUTHENTICATION_SUBSCRIPTION) ? data.authenticationSubscription() : null,
                sets.contains(UdrDataSet.AM_DATA) ? data.amData() : null,
                sets.contains(UdrDataSet.SMF_SELECTION_SUBSCRIPTION_DATA) ? data.smfSelData() : null,
                sets.contains(UdrDataSet.SM_DATA) ? smData(data, request.singleNssai(), request.dnn()) : null);
    }

    /** sm-data filtered by S-NSSAI and DNN (TS 29.505 5.2.2.3.7 query parameters single-nssai and dnn). */
    private static List<SessionManagementSubscriptionData> smData(SubscriptionData data, Snssai slice, String dnn) {
        if (data.smData() == null) {
            return List.of();
        }
        return data.smData().stream()
                .filter(sm -> slice == null || slice.equals(sm.singleNssai()))
                .map(sm -> dnn == null ? sm : new SessionManagementSubscriptionData(sm.singleNssai(),
                        sm.dnnConfigurations().containsKey(dnn) ? Map.of(dnn, sm.dnnConfigurations().get(dnn)) : Map.of()))
                .filter(sm -> dnn == null || !sm.dnnConfigurations().isEmpty())
                .toList();
    }

    /** udr-data-write: create/replace, delete, and the atomic SQN update (TS 29.505 5.2.2.2.3). UDM only. */
    DataWriteResult handleDataWrite(DataWriteRequest request) {
        String supi = requireSupi(request.ueId());
        if (request.operation() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "operation: PUT, DELETE or UPDATE_SQN");
        }
        if (!Caller.current().isAnyOf(ConsumerType.UDM)) {
            throw refused(Caller.current(), "write subscription data");
        }
        return switch (request.operation()) {
            case PUT -> put(supi, request.data());
            case DELETE -> {
                if (!repository.delete(supi)) {
                    throw userNotFound(supi);
                }
                yield new DataWriteResult(supi, true, false, null);
            }
            case UPDATE_SQN -> updateSqn(supi, request.sqnUpdate());
        };
    }

    private DataWriteResult put(String supi, SubscriptionData data) {
        if (data == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "data: the data sets to write");
        }
        if (data.ueId() != null && !data.ueId().equals(supi)) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "data.ueId " + data.ueId() + " is not ueId " + supi);
        }
        if (data.authenticationSubscription() != null) {
            validate(data.authenticationSubscription());
        }
        if (repository.modify(supi, old -> merge(old, data)).isPresent()) {
            return new DataWriteResult(supi, true, false, null);
        }
        SubscriptionData fresh = new SubscriptionData(supi, data.authenticationSubscription(), data.amData(), data.smfSelData(), data.smData());
        if (repository.create(fresh)) {
            return new DataWriteResult(supi, true, true, null);
        }
        repository.modify(supi, old -> merge(old, data)); // created concurrently in between: merge into it
        return new DataWriteResult(supi, true, false, null);
    }

    private static SubscriptionData merge(SubscriptionData old, SubscriptionData data) {
        return new SubscriptionData(old.ueId(),
                data.authenticationSubscription() != null ? data.authenticationSubscription() : old.authenticationSubscription(),
                data.amData() != null ? data.amData() : old.amData(),
                data.smfSelData() != null ? data.smfSelData() : old.smfSelData(),
                data.smData() != null ? data.smData() : old.smData());
    }

    private DataWriteResult updateSqn(String supi, DataWriteRequest.SqnUpdate update) {
        if (update == null || update.sequenceNumber() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "sqnUpdate with expectedSqn and sequenceNumber");
        }
        if (update.expectedSqn() == null || !SQN.matcher(update.expectedSqn()).matches()
                || update.sequenceNumber().sqn() == null || !SQN.matcher(update.sequenceNumber().sqn()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "expectedSqn and sequenceNumber.sqn are 12 hex digits");
        }
        requireBoundedStep(update);
        return repository.compareAndSetSqn(supi, update.expectedSqn(), update.sequenceNumber())
                .orElseThrow(() -> userNotFound(supi));
    }

    /**
     * SQN only moves forward, and SEQ (TS 33.102 C.1.1, SQN = SEQ || IND) by at most {@code liquid5gc.udr.max-sqn-step}: an
     * UPDATE_SQN to ffffffffffe0 would spend every sequence number the subscriber has left (C.2.2: no wrap-around).
     */
    private void requireBoundedStep(DataWriteRequest.SqnUpdate update) {
        int indBits = update.sequenceNumber().indLength() == null ? 5 : update.sequenceNumber().indLength();
        if (indBits < 0 || indBits > 10) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "sequenceNumber.indLength must be 0..10 (TS 33.102 C.3.2)");
        }
        long expected = Long.parseLong(update.expectedSqn(), 16);
        long next = Long.parseLong(update.sequenceNumber().sqn(), 16);
        long seqStep = (next >>> indBits) - (expected >>> indBits);
        if (next <= expected || seqStep > maxSqnStep) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "sequenceNumber.sqn must be above expectedSqn and advance SEQ by at most "
                    + maxSqnStep + " (liquid5gc.udr.max-sqn-step); asked to move SEQ by " + seqStep);
        }
    }

    static void validate(AuthenticationSubscription a) {
        if (a.authenticationMethod() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "authenticationSubscription.authenticationMethod");
        }
        if (a.protectionParameterId() != null && !a.protectionParameterId().equals("none")) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT",
                    "authenticationSubscription.protectionParameterId: the UDR encrypts K and OPc itself; send them with \"none\"");
        }
        requireHex(a.encPermanentKey(), 32, "encPermanentKey");
        requireHex(a.encOpcKey(), 32, "encOpcKey");
        requireHex(a.authenticationManagementField(), 4, "authenticationManagementField");
        if (a.sequenceNumber() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "authenticationSubscription.sequenceNumber");
        }
        requireHex(a.sequenceNumber().sqn(), 12, "sequenceNumber.sqn");
    }

    private static void requireHex(String value, int digits, String name) {
        if (value == null || value.length() != digits || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", name + " must be " + digits + " hex digits");
        }
    }

    static String requireSupi(String ueId) {
        if (ueId == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "ueId (a SUPI such as imsi-001010000000001)");
        }
        if (!SUPI.matcher(ueId).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "ueId must be a SUPI (imsi-<digits> or nai-<nai>): " + ueId);
        }
        return ueId;
    }

    /**
     * 403: TS 29.500 5.2.7.2 / TS 33.501 13.4.1.1, the consumer its access token names is not authorised for this
     * resource.
     */
    private static ProblemException refused(Caller caller, String what) {
        return ProblemException.forbidden("ACCESS_TOKEN_DENIED", caller.describe() + " may not " + what + " (UDM only)");
    }

    static ProblemException userNotFound(String supi) {
        return ProblemException.notFound("USER_NOT_FOUND", "no subscription data for " + supi);
    }
}
