/** Escaping of attacker-controlled log text for the media Kumo writes to: terminals, HTML, Markdown. */
@NullMarked
package dev.kumo.text;

import org.jspecify.annotations.NullMarked;
