package org.venula.clinic.internal;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.venula.clinic.VenulaPrincipal;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class VenulaUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final SecondFactors secondFactors;

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
                .map(u -> new VenulaPrincipal(u.id(), u.clinicId(), u.username(), u.displayName(), u.role(),
                        u.enabled(), u.passwordHash(), u.mustChangePassword(), secondFactor(u)))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    private VenulaPrincipal.SecondFactor secondFactor(AppUser u) {
        if (u.totpSecret() != null) {
            return VenulaPrincipal.SecondFactor.ENABLED;
        }
        return SecondFactors.covers(u.role()) && secondFactors.required(u.clinicId())
                ? VenulaPrincipal.SecondFactor.MISSING : VenulaPrincipal.SecondFactor.NONE;
    }
}
