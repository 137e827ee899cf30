package org.filedock.ejb.quota;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import org.filedock.api.AuthMode;
import org.filedock.api.CommandException;
import org.filedock.api.FileDockConfig;
import org.filedock.api.quota.Usage;
import org.filedock.ejb.home.FileArea;
import org.filedock.ejb.lock.LockManager;
import org.filedock.ejb.lock.cluster.ClusterLockManager;
import org.filedock.ejb.path.StoragePath;
import org.filedock.ejb.resume.PartialStore;
import org.filedock.ejb.resume.PartialUsage;
import org.filedock.ejb.storage.Storage;
import org.filedock.ejb.storage.Upload;

/**
 * Quotas (contract §13) where the files change: an upload is admitted only if its growth fits
 * the account's quota beside what other uploads in progress reserved, and every change of an
 * account's bytes (commit, delete, partials) is counted in its {@link Ledger} (the node's, or one
 * shared by a cluster's nodes). The file
 * operations of both doors (socket and HTTP) pass through here.
 */
@ApplicationScoped
public class Quotas implements PartialUsage {

    @Inject
    FileDockConfig config;

    @Inject
    Storage storage;

    @Inject
    Provider<PartialStore> partials;

    @Inject
    QuotaBook book;

    @Inject
    LockManager locks;

    private Ledger ledger;

    @PostConstruct
    void start() {
        UsageWalk walk = new UsageWalk(storage.root(),
                account -> partials.get().heldBy(owner -> accountOfOwner(owner).equals(account)));
        ledger = locks instanceof ClusterLockManager cluster ? shared(walk, cluster) : new UsageLedger(walk);
    }

    /** In a cluster, one ledger for all nodes, in the lock table (the storage root is shared). */
    private static Ledger shared(UsageWalk walk, ClusterLockManager cluster) {
        SharedUsageLedger shared = new SharedUsageLedger(walk, cluster.table(), cluster.view().self(),
                cluster.incarnation(), cluster::isLive);
        cluster.afterReaping(shared::departed);
        return shared;
    }

    /**
     * Admits an upload that {@code upload} has opened (so its held partial and the file it
     * replaces are known), before any payload.
     *
     * @return the upload, counted
     * @throws QuotaExceeded (the upload closed, nothing changed) if it would take the usage over the quota
     */
    public Upload admit(FileArea area, long size, Upload upload) throws CommandException {
        String account = accountOf(area);
        long growth = size - upload.offset() - upload.replacedBytes();
        Ledger.Reservation reservation;
        try {
            reservation = ledger.reserve(account, growth, book.quotaOf(account));
        } catch (QuotaExceeded | RuntimeException e) {
            upload.close();
            throw e;
        }
        return new CountedUpload(upload, reservation, growth);
    }

    /** Deletes a file of the area, counted. */
    public void deleteFile(FileArea area, StoragePath file) throws CommandException {
        ledger.change(accountOf(area), () -> -area.storage().deleteFile(file));
    }

    /** An account's usage and quota. */
    public Usage usageOf(String account) {
        return new Usage(ledger.used(account), book.quotaOf(account));
    }

    /** The account of whoever works in an area: the user of a home, {@code ""} for the shared root. */
    public static String accountOf(FileArea area) {
        return area.home().isRoot() ? "" : area.home().name();
    }

    /** Without accounts every partial lies in the one shared root, whoever made it. */
    String accountOfOwner(String owner) {
        return config.auth() == AuthMode.NONE ? "" : owner;
    }

    @Override
    public void change(String owner, Change change) throws IOException {
        ledger.change(accountOfOwner(owner), change::apply);
    }

    /** For tests. */
    OptionalLong quotaOf(String account) {
        return book.quotaOf(account);
    }
}
