package org.venula.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.protocol.Protocols;
import org.venula.shared.ConflictException;
import org.venula.treatment.internal.InjectionStore;
import org.venula.treatment.internal.SessionStore;

/** An edit of a session that changed nothing says why: someone else changed it first, or it was signed meanwhile. */
class SessionLookupTest {

    @ParameterizedTest(name = "{0}: 409 {2}")
    @CsvSource(delimiter = '|', textBlock = """
            still open, changed by someone else since it was read | true  | stale-version  | This treatment session was changed by someone else since you loaded it. Reload it and apply your change again.
            signed meanwhile                                      | false | session-signed | The session is signed and locked; corrections are made by an addendum.
            """)
    void anEditThatChangedNothingIsAConflict(String situation, boolean stillOpen, String type, String message) {
        SessionStore sessions = mock(SessionStore.class);
        when(sessions.isOpen(42)).thenReturn(stillOpen);
        SessionLookup lookup = new SessionLookup(sessions, mock(InjectionStore.class), mock(Protocols.class),
                Clock.systemUTC());
        ConflictException refused = lookup.editRefused(42);
        assertThat(refused.type()).isEqualTo(type);
        assertThat(refused.getMessage()).isEqualTo(message);
    }
}
