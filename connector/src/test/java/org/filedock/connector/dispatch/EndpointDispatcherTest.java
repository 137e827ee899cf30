package org.filedock.connector.dispatch;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.transaction.xa.XAResource;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import org.filedock.api.CommandListener;
import org.filedock.api.Exchange;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Endpoints are kept between commands, never shared by two at once, and all released at the end. */
class EndpointDispatcherTest {

    private static final Request PWD = Request.of("PWD");

    @Test
    void oneEndpointServesCommandAfterCommand() {
        Endpoints endpoints = new Endpoints(request -> Reply.ok("/"));
        EndpointDispatcher dispatcher = new EndpointDispatcher(endpoints);
        for (int i = 0; i < 3; i++) {
            assertEquals("OK@/", dispatcher.dispatch(PWD, null).toLine());
        }
        assertEquals(1, endpoints.created.size());
        assertEquals(3, endpoints.created.get(0).calls);
        assertFalse(endpoints.created.get(0).released);
        dispatcher.close();
        assertTrue(endpoints.created.get(0).released);
    }

    @Test
    void commandsAtTheSameTimeGetEndpointsOfTheirOwn() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        Endpoints endpoints = new Endpoints(request -> {
            bothInside.countDown();
            return answerWhenOpen(bothInside);
        });
        EndpointDispatcher dispatcher = new EndpointDispatcher(endpoints);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Reply> first = threads.submit(() -> dispatcher.dispatch(PWD, null));
            Future<Reply> second = threads.submit(() -> dispatcher.dispatch(PWD, null));
            assertEquals("OK@/", first.get(10, TimeUnit.SECONDS).toLine());
            assertEquals("OK@/", second.get(10, TimeUnit.SECONDS).toLine());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2, endpoints.created.size());
        dispatcher.close();
        assertTrue(endpoints.created.stream().allMatch(e -> e.released));
    }

    @Test
    void anEndpointThatFailedIsNotUsedAgain() {
        Endpoints endpoints = new Endpoints(request -> {
            throw new IllegalStateException("broken bean");
        });
        EndpointDispatcher dispatcher = new EndpointDispatcher(endpoints);
        assertEquals("ERR@INTERNAL internal error", dispatcher.dispatch(PWD, null).toLine());
        assertTrue(endpoints.created.get(0).released);
        dispatcher.dispatch(PWD, null);
        assertEquals(2, endpoints.created.size());
    }

    @Test
    void aCommandRunningWhenTheEndpointGoesAwayReleasesItsEndpointAtItsEnd() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Endpoints endpoints = new Endpoints(request -> {
            inside.countDown();
            return answerWhenOpen(closed);
        });
        EndpointDispatcher dispatcher = new EndpointDispatcher(endpoints);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Reply> running = thread.submit(() -> dispatcher.dispatch(PWD, null));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            dispatcher.close();
            assertFalse(endpoints.created.get(0).released, "still in use");
            closed.countDown();
            running.get(10, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
        assertTrue(endpoints.created.get(0).released);
    }

    private static Reply answerWhenOpen(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return Reply.ok("/");
    }

    /** Stands in for the container's endpoint factory of the message-driven bean. */
    private static final class Endpoints implements MessageEndpointFactory {

        final List<Endpoint> created = new ArrayList<>();
        private final Function<Request, Reply> bean;

        Endpoints(Function<Request, Reply> bean) {
            this.bean = bean;
        }

        @Override
        public synchronized MessageEndpoint createEndpoint(XAResource xaResource) {
            Endpoint endpoint = new Endpoint(bean);
            created.add(endpoint);
            return endpoint;
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
            return createEndpoint(xaResource);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "test";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Endpoint.class;
        }
    }

    private static final class Endpoint implements MessageEndpoint, CommandListener {

        private final Function<Request, Reply> bean;
        private boolean inUse;
        volatile int calls;
        volatile boolean released;

        Endpoint(Function<Request, Reply> bean) {
            this.bean = bean;
        }

        @Override
        public Reply onCommand(Request request, Exchange exchange) {
            synchronized (this) {
                assertFalse(inUse, "one command at a time per endpoint");
                assertFalse(released, "not used after its release");
                inUse = true;
            }
            try {
                calls++;
                return bean.apply(request);
            } finally {
                synchronized (this) {
                    inUse = false;
                }
            }
        }

        @Override
        public void beforeDelivery(Method method) {
        }

        @Override
        public void afterDelivery() {
        }

        @Override
        public void release() {
            assertFalse(released, "released once");
            released = true;
        }
    }
}
