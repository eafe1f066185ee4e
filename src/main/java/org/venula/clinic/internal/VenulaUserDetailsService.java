package org.venula.clinic.internal;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.venula.clinic.VenulaPrincipal;

@Service
class VenulaUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    VenulaUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
                .map(u -> new VenulaPrincipal(u.id(), u.clinicId(), u.username(), u.displayName(), u.role(),
                        u.enabled(), u.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
