package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.literal.InjectLiteral;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Fills the {@code @EJB} fields of the beans under test as the server does: Weld alone has no EJB
 * container, so each such field is also an injection point, and gets the Weld bean of its type.
 */
public class SessionBeanFields implements Extension {

    <T> void injectEjbFields(@Observes ProcessAnnotatedType<T> event) {
        event.configureAnnotatedType()
                .filterFields(field -> field.isAnnotationPresent(EJB.class))
                .forEach(field -> field.add(InjectLiteral.INSTANCE));
    }
}
