/**
 * MITRE ATT&CK: the technique catalog shipped with Kumo, tactic names (v18 vocabulary with the old
 * "Defense Evasion" accepted), and parsing of rule tags.
 *
 * <p>ATT&CK® data © The MITRE Corporation, reproduced and distributed with the permission of The
 * MITRE Corporation under the ATT&CK Terms of Use.
 */
@NullMarked
package dev.kumo.attack;

import org.jspecify.annotations.NullMarked;
