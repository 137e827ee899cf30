package org.filedock.ejb.resume;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.filedock.ejb.quota.Quotas;
import org.filedock.ejb.storage.Storage;

/** Makes the one {@link PartialStore}, under the storage's root. */
@ApplicationScoped
public class ResumeProducer {

    @Produces
    @Singleton
    ResumeConfig config() {
        return ResumeConfig.fromSystemProperties();
    }

    @Produces
    @Singleton
    PartialStore partials(Storage storage, ResumeConfig config, Quotas quotas) {
        return new PartialStore(storage.root(), config.retention(), Clock.systemUTC(), quotas);
    }
}
