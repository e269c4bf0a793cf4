package io.liquid5gc.udm;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.DataWriteRequest;
import io.liquid5gc.sbi.udr.DataWriteResult;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.sbi.udr.UdrApi;

/** The UDM's consumer side of Nudr_DataRepository (TS 29.504), through the placement client. */
final class UdrClient {

    private final FunctionClient client;

    UdrClient(FunctionClient client) {
        this.client = client;
    }

    SubscriptionData read(DataReadRequest request) {
        try {
            return client.call(UdrApi.DATA_READ, request);
        } catch (ProblemException e) {
            throw translate(e, request.ueId());
        }
    }

    DataWriteResult write(DataWriteRequest request) {
        try {
            return client.call(UdrApi.DATA_WRITE, request);
        } catch (ProblemException e) {
            throw translate(e, request.ueId());
        }
    }

    static DataWriteRequest updateSqn(String supi, String expected, io.liquid5gc.sbi.udr.AuthenticationSubscription.SequenceNumber next) {
        return DataWriteRequest.updateSqn(supi, expected, next);
    }

    /** An unknown subscriber at the UDR is USER_NOT_FOUND at the UDM (TS 29.503 6.3.7.3, 6.1.7.3). */
    private static ProblemException translate(ProblemException e, String supi) {
        if (e.status() == 404 && "USER_NOT_FOUND".equals(e.problem().cause())) {
            return ProblemException.notFound("USER_NOT_FOUND", "no subscription data for " + supi);
        }
        return e;
    }
}
