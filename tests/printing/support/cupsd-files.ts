/**
 * The private cupsd's configuration files and fake backends (see cupsd.ts for why each setting is there). Every
 * path lies in the rig's temp folder.
 */

/**
 * Fake printers, by backend name (the device URI's scheme). They ignore the job's data; run without arguments
 * (cupsd's device discovery) they list nothing.
 */
export const FAKE_BACKENDS = {
  // Paper out: says so as CUPS backends do, then gives up (exit 1, "failed": the queue's error policy applies).
  'kiosk-no-paper': `#!/bin/sh
[ $# -eq 0 ] && exit 0
echo 'STATE: +media-empty-error' >&2
echo 'ERROR: Out of paper' >&2
exit 1
`,
  // Takes the job and never finishes it (cupsd kills it when the job is cancelled; the bound is a safety net).
  'kiosk-stuck': `#!/bin/sh
[ $# -eq 0 ] && exit 0
echo 'INFO: printing' >&2
exec sleep 600
`,
  // Prints, and reports its toner low with marker levels, as a laser printer's backend does.
  'kiosk-toner-low': `#!/bin/sh
[ $# -eq 0 ] && exit 0
echo 'STATE: +toner-low-report' >&2
echo 'ATTR: marker-names=Black,Drum marker-types=toner,opc marker-colors=#000000,none marker-levels=12,80 marker-low-levels=15,10 marker-high-levels=100,100' >&2
exit 0
`,
} as const;
export type FakeBackend = keyof typeof FAKE_BACKENDS;

export function cupsdConf(opts: { socket: string; port: number }): string {
  return `LogLevel info
Listen ${opts.socket}
Listen 127.0.0.1:${opts.port}
Browsing No
BrowseLocalProtocols none
DefaultShared No
WebInterface No
ErrorPolicy stop-printer
PreserveJobFiles No
PreserveJobHistory 600
DirtyCleanInterval 0
PageLogFormat
DefaultAuthType Basic
<Location />
  Order allow,deny
  Allow localhost
</Location>
<Policy default>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit Create-Job Print-Job Print-URI Validate-Job>
    Order deny,allow
  </Limit>
  <Limit Send-Document Send-URI Hold-Job Release-Job Restart-Job Purge-Jobs Set-Job-Attributes Create-Job-Subscription Renew-Subscription Cancel-Subscription Get-Notifications Reprocess-Job Cancel-Current-Job Suspend-Current-Job Resume-Job Cancel-My-Jobs Close-Job CUPS-Move-Job CUPS-Get-Document Cancel-Job CUPS-Authenticate-Job>
    Require user @OWNER @SYSTEM
    Order deny,allow
  </Limit>
  <Limit CUPS-Add-Modify-Printer CUPS-Delete-Printer CUPS-Add-Modify-Class CUPS-Delete-Class CUPS-Set-Default CUPS-Get-Devices Pause-Printer Resume-Printer Enable-Printer Disable-Printer Pause-Printer-After-Current-Job Hold-New-Jobs Release-Held-New-Jobs Deactivate-Printer Activate-Printer Restart-Printer Shutdown-Printer Startup-Printer Promote-Job Schedule-Job-After Cancel-Jobs CUPS-Accept-Jobs CUPS-Reject-Jobs>
    AuthType Default
    Require user @SYSTEM
    Order deny,allow
  </Limit>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
`;
}

export function cupsFilesConf(dir: string): string {
  return `ServerRoot ${dir}/conf
RequestRoot ${dir}/spool
TempDir ${dir}/spool/tmp
CacheDir ${dir}/cache
StateDir ${dir}/state
ServerBin ${dir}/server-bin
DataDir /usr/share/cups
DocumentRoot /usr/share/cups/doc-root
AccessLog ${dir}/log/access_log
ErrorLog ${dir}/log/error_log
PageLog ${dir}/log/page_log
Printcap ${dir}/state/printcap
SystemGroup root
FileDevice No
`;
}

/** Read by cups-pdf from /etc/cups inside cupsd's mount namespace only. */
export function cupsPdfConf(dir: string): string {
  return `Out ${dir}/paper
AnonDirName ${dir}/paper
Spool ${dir}/cups-pdf-spool
GSTmp ${dir}/cups-pdf-spool
Log ${dir}/log
Grp root
LogType 1
`;
}
