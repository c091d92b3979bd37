-- Issue 13: fewer, better mails. Alertmanager's group_interval per recipient and topic: a recipient gets at most one
-- mail per topic (opgave, or feed) per Alerts:GroupIntervalDays unless the state worsens. Notices that must wait are
-- held here and go out together with the next mail on that topic (a new alert resolved while held is never mailed).

CREATE TABLE monitor.alert_mail_log (
    email            text NOT NULL,
    onderwerp        text NOT NULL,
    laatst_verzonden date NOT NULL,
    ernst            text NOT NULL CHECK (ernst IN ('informatie', 'waarschuwing', 'kritiek')),
    PRIMARY KEY (email, onderwerp)
);

CREATE TABLE monitor.alert_mail_held (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email     text   NOT NULL,
    onderwerp text   NOT NULL,
    alert_id  bigint NOT NULL REFERENCES monitor.alerts (id),
    soort     text   NOT NULL CHECK (soort IN ('nieuw', 'herinnering', 'escalatie', 'opgelost')),
    datum     date   NOT NULL
);
CREATE INDEX alert_mail_held_email ON monitor.alert_mail_held (email, onderwerp);
