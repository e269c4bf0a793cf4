package io.liquid5gc.udr.provisioning;

import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.udr.SubscriberRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriber provisioning (the operator's side of the UDR, not a 3GPP service): add, list, show, remove and import.
 * Writes straight to the {@link SubscriberRepository}; secrets are validated, stored, and never returned or logged.
 */
final class SubscriberProvisioning {

    private static final Logger log = LoggerFactory.getLogger(SubscriberProvisioning.class);
    static final int MAX_LIST = 100_000;

    /** The outcome of an add or an import. */
    record Outcome(int created, int replaced, int skipped, String first, String last) {
        Outcome plus(Outcome o) {
            return new Outcome(created + o.created, replaced + o.replaced, skipped + o.skipped,
                    first == null ? o.first : first, o.last == null ? last : o.last);
        }
    }

    private final SubscriberRepository repository;

    SubscriberProvisioning(SubscriberRepository repository) {
        this.repository = repository;
    }

    /** Adds one subscriber or a range ({@code count}); existing ones are skipped unless {@code replace}. */
    Outcome add(SubscriberProfile profile, boolean replace) {
        SubscriberProfiles.Checked c = SubscriberProfiles.check(profile);
        c.imsi(c.count() - 1); // the whole range fits in the IMSI's digits, before anything is written
        int created = 0;
        int replaced = 0;
        int skipped = 0;
        for (int i = 0; i < c.count(); i++) {
            SubscriptionData data = SubscriberProfiles.toSubscriptionData(c, i);
            if (replace) {
                if (repository.replace(data)) {
                    created++;
                } else {
                    replaced++;
                }
            } else if (repository.create(data)) {
                created++;
            } else {
                skipped++;
            }
        }
        Outcome o = new Outcome(created, replaced, skipped, "imsi-" + c.imsi(0), "imsi-" + c.imsi(c.count() - 1));
        log.info("provisioned subscribers {}..{}: {} created, {} replaced, {} already there", o.first(), o.last(), created, replaced, skipped);
        return o;
    }

    /** Adds every entry of a file (see {@link SubscriberFiles}); the file is checked completely before any write. */
    Outcome importAll(List<SubscriberProfile> profiles, boolean replace) {
        return importAll(profiles, replace, SubscriberProfiles.MAX_COUNT);
    }

    /** As {@link #importAll(List, boolean)}, refusing files of more than {@code maxTotal} subscribers (ranges counted). */
    Outcome importAll(List<SubscriberProfile> profiles, boolean replace, int maxTotal) {
        long total = 0;
        for (int i = 0; i < profiles.size(); i++) {
            try {
                SubscriberProfiles.Checked c = SubscriberProfiles.check(profiles.get(i));
                c.imsi(c.count() - 1);
                total += c.count();
            } catch (ProblemException e) {
                throw SubscriberProfiles.bad("subscribers[" + i + "]", e.problem().detail());
            }
        }
        if (total > maxTotal) {
            throw tooMany(total, maxTotal);
        }
        Outcome sum = new Outcome(0, 0, 0, null, null);
        for (SubscriberProfile p : profiles) {
            sum = sum.plus(add(p, replace));
        }
        return sum;
    }

    static ProblemException tooMany(long asked, int max) {
        return new ProblemException(413, "Content Too Large", "INVALID_MSG_FORMAT",
                asked + " subscribers in one request, at most " + max + " (liquid5gc.provisioning.max-bulk); split it");
    }

    /** Re-encrypts every subscriber whose K and OPc are not under the newest key-encryption key. */
    int reencryptAll() {
        int n = repository.reencryptAll();
        log.info("re-encrypted the keys of {} subscribers under the newest key-encryption key", n);
        return n;
    }

    List<SubscriberProfile> list(int limit) {
        return repository.list(Math.min(Math.max(limit, 1), MAX_LIST)).stream().map(SubscriberProfiles::view).toList();
    }

    SubscriberProfile show(String imsi) {
        return repository.find(supiOf(imsi)).map(SubscriberProfiles::view).orElseThrow(() -> notFound(imsi));
    }

    void remove(String imsi) {
        if (!repository.delete(supiOf(imsi))) {
            throw notFound(imsi);
        }
        log.info("removed subscriber {}", supiOf(imsi));
    }

    boolean any() {
        return repository.any();
    }

    static String supiOf(String imsi) {
        String digits = imsi.startsWith("imsi-") ? imsi.substring(5) : imsi;
        if (!digits.matches("\\d{5,15}")) {
            throw SubscriberProfiles.bad("imsi", "5 to 15 digits");
        }
        return "imsi-" + digits;
    }

    private static ProblemException notFound(String imsi) {
        return ProblemException.notFound("USER_NOT_FOUND", "no subscriber " + imsi);
    }
}
