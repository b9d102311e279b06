package dev.gb28181.manscdp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property that JSON shows but MANSCDP XML must not carry (derived values such as
 * {@code eventType}): {@link ManscdpCodec}'s XML mapper ignores it, a plain JSON mapper writes it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.FIELD })
@interface JsonOnly {
}
