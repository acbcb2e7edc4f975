package io.ferry.offload.objectstore;

import static io.ferry.offload.schema.ObjectstoreSchema.VALIDATE_MESSAGE;
import static io.ferry.offload.schema.ObjectstoreSchema.VALIDATE_STATE;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ferry.events.vocabulary.ValidateState;
import io.ferry.rest.store.DocumentView;

/** An objectstore's {@code validate_state} and {@code validate_message}, which only the server writes. */
record ValidationStatus(ValidateState state, String message) {

    static final DocumentView<ValidationStatus> VIEW = new DocumentView<>() {
        @Override
        public ValidationStatus read(ObjectNode document) {
            return new ValidationStatus(ValidateState.parse(document.path(VALIDATE_STATE).textValue()),
                    document.path(VALIDATE_MESSAGE).textValue());
        }

        @Override
        public ObjectNode write(ObjectNode document, ValidationStatus status) {
            document.put(VALIDATE_STATE, status.state().name());
            if (status.message() == null) {
                document.remove(VALIDATE_MESSAGE);
            } else {
                document.put(VALIDATE_MESSAGE, status.message());
            }
            return document;
        }
    };
}
