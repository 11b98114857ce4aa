package org.clearroom.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A boundary whose commit failed (for example a uniqueness race its own check could not see). Jersey
 * ships a mapper for this type that answers an empty 500; ours wins by priority and answers a problem.
 */
@Provider
@Priority(1)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

    @Inject
    ProblemResponses problems;

    @Override
    public Response toResponse(TransactionalException failure) {
        return problems.of(failure);
    }
}
