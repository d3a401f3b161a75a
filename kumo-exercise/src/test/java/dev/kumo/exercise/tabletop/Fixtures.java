package dev.kumo.exercise.tabletop;

import java.io.StringReader;

/** A small tabletop and helpers shared by the tests. */
final class Fixtures {
  static final String TABLETOP = """
      id: tiny
      title: Tiny exercise
      threat: ransomware
      summary: A host is compromised.
      roles:
        - {name: incident-commander, description: leads}
        - {name: cloud-engineer, description: acts in AWS}
        - {name: legal, description: lawyers}
      objectives: [Preserve evidence]
      injects:
        - id: alert
          at: +0m
          title: Alert
          text: Something fires.
          decisions:
            - id: snapshot
              text: Snapshot the volumes
              owner: cloud-engineer
              weight: 4
              playbook: docs/playbooks/ransomware.md#snapshot-volumes
              keywords: [snapshot]
            - id: case
              text: Open a case
              owner: incident-commander
              weight: 2
              playbook: docs/playbooks/ransomware.md#open-case
          distractors:
            - id: terminate
              text: Terminate the instance now
              weight: -3
              why: destroys evidence
              keywords: [terminate]
        - id: later
          at: +1h
          title: Later
          text: Recovery.
          decisions:
            - id: redeploy
              text: Redeploy from a known-good image
              owner: cloud-engineer
              weight: 4
              playbook: docs/playbooks/ransomware.md#restore
              keywords: [redeploy]
              before: snapshot
            - id: notify
              text: Legal decides on notification
              owner: legal
              weight: 2
              playbook: docs/playbooks/ransomware.md#notify
      """;

  private Fixtures() {}

  static Tabletop tiny() {
    return TabletopReader.read(new StringReader(TABLETOP), "tiny.yml");
  }

  static Answers answers(String yaml) {
    return AnswersReader.read(new StringReader(yaml), "answers.yml", tiny());
  }
}
