package org.filedock.ejb.command;

import java.lang.reflect.Field;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;

/**
 * Fills the {@code @EJB} fields of the beans under test as the server does: Weld alone has no EJB
 * container, so each field gets the Weld bean of its type.
 */
public class SessionBeanFields implements Extension {

    <T> void wrap(@Observes ProcessInjectionTarget<T> event) {
        InjectionTarget<T> target = event.getInjectionTarget();
        event.setInjectionTarget(new InjectionTarget<>() {
            @Override
            public void inject(T instance, CreationalContext<T> context) {
                target.inject(instance, context);
                for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        if (field.isAnnotationPresent(EJB.class)) {
                            set(instance, field);
                        }
                    }
                }
            }

            @Override
            public void postConstruct(T instance) {
                target.postConstruct(instance);
            }

            @Override
            public void preDestroy(T instance) {
                target.preDestroy(instance);
            }

            @Override
            public T produce(CreationalContext<T> context) {
                return target.produce(context);
            }

            @Override
            public void dispose(T instance) {
                target.dispose(instance);
            }

            @Override
            public Set<InjectionPoint> getInjectionPoints() {
                return target.getInjectionPoints();
            }
        });
    }

    private static void set(Object instance, Field field) {
        try {
            field.setAccessible(true);
            field.set(instance, CDI.current().select(field.getType()).get());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
