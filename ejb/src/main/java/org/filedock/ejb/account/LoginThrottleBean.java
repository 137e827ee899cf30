package org.filedock.ejb.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.filedock.api.FileDockConfig;
import org.filedock.api.security.LoginThrottle;

/**
 * The one {@link LoginThrottle} of the application, shared by the socket's {@code LOGIN} and the
 * web tier. No container lock: {@link GuessingLimit} is thread-safe, and a login must not wait
 * behind another one.
 */
@Singleton
@Local(LoginThrottle.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginThrottleBean implements LoginThrottle {

    @Inject
    FileDockConfig config;

    private GuessingLimit limit;

    @PostConstruct
    void create() {
        limit = new GuessingLimit(config.loginLimits(), System::nanoTime);
    }

    @Override
    public boolean mayAttempt(String clientHost, String user) {
        return limit.mayAttempt(clientHost, user);
    }

    @Override
    public void failed(String clientHost, String user) {
        limit.failed(clientHost, user);
    }

    @Override
    public void succeeded(String clientHost, String user) {
        limit.succeeded(clientHost, user);
    }
}
