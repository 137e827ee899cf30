package org.filedock.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR the build produced, deployed as is. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive filedockEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ItConfig.ear());
    }
}
