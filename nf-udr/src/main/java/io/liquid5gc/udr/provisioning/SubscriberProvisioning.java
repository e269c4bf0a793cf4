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

    /** Start-time work once the store answers ({@link SubscriberRepository#whenStoreAnswers}). */
    void whenStoreAnswers(String what, Runnable work) {
        repository.whenStoreAnswers(what, work);
    }

    /** Adds one subscriber or a range ({@code count}); existing ones are skipped unless {@code replace}. */
    Outcome add(SubscriberProfile profile, boolean replace) {
        SubscriberProfiles.Checked c = SubscriberProfiles.check(profile);
        c.imsi(c.count() - 1); // the whole range fits in the IMSI's digits, before anything is written
        Outcome o = write(c, replace);
        log.info("provisioned subscribers {}..{}: {} created, {} replaced, {} already there", o.first(), o.last(), o.created(), o.replaced(),
                o.skipped());
        return o;
    }

    private Outcome write(SubscriberProfiles.Checked c, boolean replace) {
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
        return new Outcome(created, replaced, skipped, "imsi-" + c.imsi(0), "imsi-" + c.imsi(c.count() - 1));
    }

    /** Adds every entry of a file (see {@link SubscriberFiles}); the file is checked completely before any write. */
    Outcome importAll(List<SubscriberProfile> profiles, boolean replace) {
        return importAll(profiles, replace, SubscriberProfiles.MAX_COUNT);
    }

    /**
     * As {@link #importAll(List, boolean)}, refusing files of more than {@code maxTotal} subscribers (ranges counted):
     * the same checks as a streamed import ({@link Batch}), with every write held until the whole file is checked.
     */
    Outcome importAll(List<SubscriberProfile> profiles, boolean replace, int maxTotal) {
        Batch batch = new Batch(replace, maxTotal, false);
        for (int i = 0; i < profiles.size(); i++) {
            batch.add(new SubscriberFiles.Entry(profiles.get(i), "subscribers[" + i + "]"));
        }
        batch.flush();
        return batch.written;
    }

    /** How many entries are checked before they are written together (the subscribers of a range count as one). */
    static final int BATCH_ENTRIES = 256;
    /** A batch is also written once its entries make this many subscribers. */
    static final int BATCH_SUBSCRIBERS = 1000;

    /** What reads a file and hands its entries on (see {@link SubscriberFiles#read}). */
    @FunctionalInterface
    interface EntrySource {
        void readTo(java.util.function.Consumer<SubscriberFiles.Entry> sink);
    }

    /**
     * Imports a file as it is read: entries are checked one by one and written in batches ({@link #BATCH_ENTRIES}
     * entries or {@link #BATCH_SUBSCRIBERS} subscribers), existing ones skipped unless {@code replace}. Nothing of a
     * batch is written before all of its entries are checked; at the first error (a bad entry, the count going over
     * {@code maxTotal}, a body too large, a line too long) every valid entry before the failing one is written and
     * nothing after it. The failure is an {@link ImportFailedException}: the problem names the place and says what
     * was written, so the corrected file (or its rest) can be imported again (already provisioned subscribers are
     * then skipped, or rewritten with replace=true). A store failure stops the import where it is.
     */
    Outcome importStreamed(EntrySource source, boolean replace, int maxTotal) {
        Batch batch = new Batch(replace, maxTotal, true);
        try {
            source.readTo(batch::add);
            batch.flush();
        } catch (RuntimeException e) {
            if (!batch.writing) {
                try {
                    batch.flush(); // the valid entries before the failing one
                } catch (RuntimeException writeFailure) {
                    e.addSuppressed(writeFailure);
                    throw ImportFailedException.of(writeFailure, batch.written, true);
                }
            }
            throw ImportFailedException.of(e, batch.written, batch.writing);
        }
        Outcome o = batch.written;
        log.info("imported subscribers {}..{}: {} created, {} replaced, {} already there", o.first(), o.last(), o.created(), o.replaced(),
                o.skipped());
        return o;
    }

    /** The checked entries not yet written, and what was written; {@code streaming}: written in batches as they come. */
    private final class Batch {
        private final boolean replace;
        private final int maxTotal;
        private final boolean streaming;
        private final List<SubscriberProfiles.Checked> pending = new java.util.ArrayList<>();
        private int pendingSubscribers;
        private long total;
        private boolean writing;
        private Outcome written = new Outcome(0, 0, 0, null, null);

        Batch(boolean replace, int maxTotal, boolean streaming) {
            this.replace = replace;
            this.maxTotal = maxTotal;
            this.streaming = streaming;
        }

        void add(SubscriberFiles.Entry entry) {
            SubscriberProfiles.Checked c;
            try {
                c = SubscriberProfiles.check(entry.profile());
                c.imsi(c.count() - 1);
            } catch (ProblemException e) {
                throw SubscriberProfiles.bad(entry.where(), e.problem().detail());
            }
            total += c.count();
            if (total > maxTotal) {
                throw new ProblemException(413, "Content Too Large", "INVALID_MSG_FORMAT", "more than " + maxTotal
                        + " subscribers in one request (at " + entry.where() + "), at most " + maxTotal
                        + " (liquid5gc.provisioning.max-bulk); split it");
            }
            pending.add(c);
            pendingSubscribers += c.count();
            if (streaming && (pending.size() >= BATCH_ENTRIES || pendingSubscribers >= BATCH_SUBSCRIBERS)) {
                flush();
            }
        }

        void flush() {
            writing = true;
            for (SubscriberProfiles.Checked c : pending) {
                written = written.plus(write(c, replace));
            }
            pending.clear();
            pendingSubscribers = 0;
            writing = false;
            log.debug("import: {} subscribers written so far", written.created() + written.replaced() + written.skipped());
        }
    }

    /** An import that stopped: the problem to answer, and what had been written before it stopped. */
    static final class ImportFailedException extends ProblemException {
        private final transient Outcome written;

        private ImportFailedException(io.liquid5gc.sbi.common.ProblemDetails problem, Outcome written, Throwable cause) {
            super(problem, cause);
            this.written = written;
        }

        static ImportFailedException of(RuntimeException e, Outcome written, boolean whileWriting) {
            io.liquid5gc.sbi.common.ProblemDetails p;
            int n = written.created() + written.replaced() + written.skipped();
            if (e instanceof ProblemException pe) {
                p = pe.problem();
            } else if (!whileWriting && bodyBroken(e)) { // the client went away or stopped sending (read-timeout)
                log.warn("import stopped after {} subscribers: the request body did not arrive ({})", n, e.getClass().getSimpleName());
                p = io.liquid5gc.sbi.common.ProblemDetails.of(400, "Bad Request", "INVALID_MSG_FORMAT", "the request body did not arrive completely");
            } else {
                log.error("import failed after {} subscribers", n, e);
                p = io.liquid5gc.sbi.common.ProblemDetails.of(500, "Internal Server Error", "SYSTEM_FAILURE", "internal error (logged)"
                        + (whileWriting ? "; the entry being written may be partly written" : ""));
            }
            String done = written.first() == null ? "nothing was written"
                    : "written before it: " + written.first() + ".." + written.last() + " (" + written.created() + " created, "
                    + written.replaced() + " replaced, " + written.skipped() + " already there), nothing after it; import the "
                    + "corrected file again (those already provisioned are skipped, or rewritten with replace=true)";
            return new ImportFailedException(new io.liquid5gc.sbi.common.ProblemDetails(p.type(), p.title(), p.status(),
                    p.detail() + "; " + done, p.instance(), p.cause(), p.invalidParams()), written, e);
        }

        private static boolean bodyBroken(Throwable e) {
            String type = e.getClass().getName();
            return e instanceof java.io.UncheckedIOException || type.startsWith("io.netty.") || type.startsWith("reactor.netty.");
        }

        /** What was written before the import stopped (zero counts and no range when nothing). */
        Outcome written() {
            return written;
        }
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

    /** A page of the list (see {@link SubscriberRepository#page}); {@code next} is the cursor of the following page, if any. */
    record Page(List<SubscriberProfile> subscribers, String next) {
    }

    /**
     * Subscribers whose IMSI starts with {@code imsiPrefix} (0..15 digits), after the SUPI {@code after}, at most
     * {@code limit} (1..{@link #MAX_PAGE}): prefix scans of the store, never the whole list.
     */
    Page page(String imsiPrefix, String after, int limit) {
        String prefix = imsiPrefix == null ? "" : imsiPrefix.startsWith("imsi-") ? imsiPrefix.substring(5) : imsiPrefix;
        if (!prefix.matches("\\d{0,15}")) {
            throw SubscriberProfiles.bad("prefix", "0 to 15 digits (the start of the IMSIs to list)");
        }
        String from = after == null || after.isEmpty() ? null : supiOf(after);
        int n = Math.min(Math.max(limit, 1), MAX_PAGE);
        // one more than asked tells whether there is a next page, without a second round of scans
        List<SubscriptionData> found = repository.page(prefix, from, n + 1);
        List<SubscriberProfile> page = found.stream().limit(n).map(SubscriberProfiles::view).toList();
        String next = found.size() > n ? found.get(n - 1).ueId() : null;
        return new Page(page, next);
    }

    static final int MAX_PAGE = 1000;

    /**
     * Replaces the slices and DNNs of one subscriber (the same checks as at provisioning; K, OPc, SQN and the rest
     * kept): a compare-and-set of its document.
     */
    SubscriberProfile changeSlices(String imsi, List<SubscriberProfile.SliceProfile> slices) {
        String supi = supiOf(imsi);
        if (slices == null || slices.isEmpty()) {
            throw SubscriberProfiles.bad("slices", "at least one slice with its DNNs");
        }
        SubscriberProfiles.checkSlices(slices);
        SubscriptionData changed = repository.modify(supi, d -> SubscriberProfiles.withSlices(d, slices)).orElseThrow(() -> notFound(imsi));
        log.info("changed the slices of subscriber {}", supi);
        return SubscriberProfiles.view(changed);
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

    /** The default subscribers' import state in the store ({@link SubscriberRepository#defaultImport}). */
    java.util.Optional<String> defaultImport() {
        return repository.defaultImport();
    }

    void markDefaultImport(String state) {
        repository.markDefaultImport(state);
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
