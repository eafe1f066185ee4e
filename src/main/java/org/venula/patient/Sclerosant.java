package org.venula.patient;

/** Sclerosing agents a patient may be allergic to. */
public enum Sclerosant {
    POLIDOCANOL, SODIUM_TETRADECYL_SULFATE
}
