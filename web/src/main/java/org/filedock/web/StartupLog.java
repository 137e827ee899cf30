package org.filedock.web;

import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.filedock.api.AuthMode;
import org.filedock.api.FileDockConfig;
import org.filedock.web.security.HttpsPort;

/** Tells the operator where the web part answers. */
@WebListener
public class StartupLog implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(StartupLog.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String host = System.getProperty("jboss.bind.address", "127.0.0.1");
        boolean accounts = FileDockConfig.fromSystemProperties().auth() == AuthMode.REQUIRED;
        int port = accounts ? HttpsPort.get() : Integer.getInteger("jboss.http.port", 8080)
                + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        String base = (accounts ? "https://" : "http://") + host + ":" + port
                + event.getServletContext().getContextPath();
        LOG.info("FileDock web: " + base + "/ (JSON under " + base + "/api)"
                + (accounts ? "; accounts required, HTTPS only" : ""));
    }
}
