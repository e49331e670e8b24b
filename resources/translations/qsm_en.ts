<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>AccountDialog</name>
        <message>
            <source>Choose a unit…</source>
            <translation>Choose a unit…</translation>
        </message>
        <message>
            <source>The password needs at least {n} characters.</source>
            <translation>The password needs at least {n} characters.</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>The two passwords differ.</translation>
        </message>
        <message>
            <source>The unit whose subtree this login works in</source>
            <translation>The unit whose subtree this login works in</translation>
        </message>
        <message>
            <source>A branch secretary needs an org unit: choose her branch.</source>
            <translation>A branch secretary needs an org unit: choose her branch.</translation>
        </message>
        <message>
            <source>Org unit:</source>
            <translation>Org unit:</translation>
        </message>
        <message>
            <source>Org unit (optional):</source>
            <translation>Org unit (optional):</translation>
        </message>
        <message>
            <source>Add a login</source>
            <translation>Add a login</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>Login:</translation>
        </message>
        <message>
            <source>lower-case letters, digits, _ (e.g. wang_li)</source>
            <translation>lower-case letters, digits, _ (e.g. wang_li)</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>the person's name</source>
            <translation>the person's name</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>Role:</translation>
        </message>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>No org unit (the whole bank)</source>
            <translation>No org unit (the whole bank)</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>Again:</source>
            <translation>Again:</translation>
        </message>
    </context>
    <context>
        <name>ActionTables</name>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Raised for</source>
            <translation>Raised for</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Due date</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>Verified</translation>
        </message>
        <message>
            <source>Effective</source>
            <translation>Effective</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>On time</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>On-time rate %</source>
            <translation>On-time rate %</translation>
        </message>
    </context>
    <context>
        <name>ActionVerifyDialog</name>
        <message>
            <source>{number} · {unit} · {type} · due {due}
{description}
Completed on {completed}: {measures}</source>
            <translation>{number} · {unit} · {type} · due {due}
{description}
Completed on {completed}: {measures}</translation>
        </message>
        <message>
            <source>Verify the action</source>
            <translation>Verify the action</translation>
        </message>
        <message>
            <source>Result of the verification</source>
            <translation>Result of the verification</translation>
        </message>
        <message>
            <source>Effective: close the action</source>
            <translation>Effective: close the action</translation>
        </message>
        <message>
            <source>Ineffective: back to the branch to correct</source>
            <translation>Ineffective: back to the branch to correct</translation>
        </message>
        <message>
            <source>Verified on:</source>
            <translation>Verified on:</translation>
        </message>
    </context>
    <context>
        <name>ActionsPage</name>
        <message>
            <source>Corrective and preventive actions</source>
            <translation>Corrective and preventive actions</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>All sources</source>
            <translation>All sources</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>All branches</source>
            <translation>All branches</translation>
        </message>
        <message>
            <source>No action matches the filter: clear a filter to see the others.</source>
            <translation>No action matches the filter: clear a filter to see the others.</translation>
        </message>
        <message>
            <source>No corrective or preventive action yet: they are raised when the head office finalises a quarter on the Mystery visits page (after the agency's 暗访结果 and the branches' complaint registers are imported).</source>
            <translation>No corrective or preventive action yet: they are raised when the head office finalises a quarter on the Mystery visits page (after the agency's 暗访结果 and the branches' complaint registers are imported).</translation>
        </message>
        <message>
            <source>Clear the filters</source>
            <translation>Clear the filters</translation>
        </message>
        <message>
            <source>Open the Mystery visits page</source>
            <translation>Open the Mystery visits page</translation>
        </message>
        <message>
            <source>As of {date}: due = due date on or before it; on time = verified effective by then and completed by its due date; overdue = due and not on time; open = not closed. On-time rate = on time ÷ due.</source>
            <translation>As of {date}: due = due date on or before it; on time = verified effective by then and completed by its due date; overdue = due and not on time; open = not closed. On-time rate = on time ÷ due.</translation>
        </message>
        <message numerus="yes">
            <source>%n action(s) listed. Select one to see the branch's feedback.</source>
            <translation>
                <numerusform>%n action listed. Select one to see the branch's feedback.</numerusform>
                <numerusform>%n actions listed. Select one to see the branch's feedback.</numerusform>
            </translation>
        </message>
        <message>
            <source>From: {what}</source>
            <translation>From: {what}</translation>
        </message>
        <message>
            <source>Measures: {measures} · responsible: {who} · completed: {completed} · result: {result}</source>
            <translation>Measures: {measures} · responsible: {who} · completed: {completed} · result: {result}</translation>
        </message>
        <message>
            <source>Verified on {date} by {who}: {effective}</source>
            <translation>Verified on {date} by {who}: {effective}</translation>
        </message>
        <message>
            <source>effective</source>
            <translation>effective</translation>
        </message>
        <message>
            <source>ineffective</source>
            <translation>ineffective</translation>
        </message>
        <message>
            <source>Only the head office verifies actions.</source>
            <translation>Only the head office verifies actions.</translation>
        </message>
        <message>
            <source>Select an action awaiting verification.</source>
            <translation>Select an action awaiting verification.</translation>
        </message>
        <message>
            <source>Only an action awaiting verification (the branch reported it completed) can be verified; this one is {status}.</source>
            <translation>Only an action awaiting verification (the branch reported it completed) can be verified; this one is {status}.</translation>
        </message>
        <message>
            <source>Record the head office's verification of the selected action.</source>
            <translation>Record the head office's verification of the selected action.</translation>
        </message>
        <message>
            <source>Choose a branch first: the template lists that branch's open actions.</source>
            <translation>Choose a branch first: the template lists that branch's open actions.</translation>
        </message>
        <message>
            <source>Choose a quarter as the window's period.</source>
            <translation>Choose a quarter as the window's period.</translation>
        </message>
        <message>
            <source>Write the branch's 整改反馈 return, pre-filled with its open actions, for {period}.</source>
            <translation>Write the branch's 整改反馈 return, pre-filled with its open actions, for {period}.</translation>
        </message>
        <message>
            <source>Nothing to export.</source>
            <translation>Nothing to export.</translation>
        </message>
        <message>
            <source>Write the table on screen to an Excel workbook.</source>
            <translation>Write the table on screen to an Excel workbook.</translation>
        </message>
        <message>
            <source>Verifying {number}</source>
            <translation>Verifying {number}</translation>
        </message>
        <message>
            <source>Template written: {file}</source>
            <translation>Template written: {file}</translation>
        </message>
        <message>
            <source>Writing the template</source>
            <translation>Writing the template</translation>
        </message>
        <message>
            <source>Actions on time</source>
            <translation>Actions on time</translation>
        </message>
        <message>
            <source>{what} — {unit}, as of {date}</source>
            <translation>{what} — {unit}, as of {date}</translation>
        </message>
        <message>
            <source>Exporting the table</source>
            <translation>Exporting the table</translation>
        </message>
        <message>
            <source>Save the feedback template</source>
            <translation>Save the feedback template</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Export the table</source>
            <translation>Export the table</translation>
        </message>
        <message>
            <source>actions_{unit}_{date}.xlsx</source>
            <translation>actions_{unit}_{date}.xlsx</translation>
        </message>
    </context>
    <context>
        <name>AdministrationPage</name>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Login</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Org unit</source>
            <translation>Org unit</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Administration</source>
            <translation>Administration</translation>
        </message>
        <message>
            <source>Logins of this database: who may sign in, with which role and for which unit</source>
            <translation>Logins of this database: who may sign in, with which role and for which unit</translation>
        </message>
        <message>
            <source>Add a login…</source>
            <translation>Add a login…</translation>
        </message>
        <message>
            <source>Reset password…</source>
            <translation>Reset password…</translation>
        </message>
        <message numerus="yes">
            <source>%n login(s), {active} active</source>
            <translation>
                <numerusform>%n login, {active} active</numerusform>
                <numerusform>%n logins, {active} active</numerusform>
            </translation>
        </message>
        <message>
            <source>No logins yet: whoever opens this database works as the local administrator. Add the first login so that people sign in with their own role and unit.</source>
            <translation>No logins yet: whoever opens this database works as the local administrator. Add the first login so that people sign in with their own role and unit.</translation>
        </message>
        <message>
            <source>Only an administrator adds logins.</source>
            <translation>Only an administrator adds logins.</translation>
        </message>
        <message>
            <source>Only an administrator adds, disables and resets logins.</source>
            <translation>Only an administrator adds, disables and resets logins.</translation>
        </message>
        <message>
            <source>Each login is a PostgreSQL login role: disabling it stops the person at the database server, and the database limits what the login sees to its role and unit.</source>
            <translation>Each login is a PostgreSQL login role: disabling it stops the person at the database server, and the database limits what the login sees to its role and unit.</translation>
        </message>
        <message>
            <source>Logins are kept in this database file, passwords hashed. Anyone who can copy the file can read all of it: a shared office uses a PostgreSQL server.</source>
            <translation>Logins are kept in this database file, passwords hashed. Anyone who can copy the file can read all of it: a shared office uses a PostgreSQL server.</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>Enable</translation>
        </message>
        <message>
            <source>Disable…</source>
            <translation>Disable…</translation>
        </message>
        <message>
            <source>Adding the login</source>
            <translation>Adding the login</translation>
        </message>
        <message>
            <source>Saving the login</source>
            <translation>Saving the login</translation>
        </message>
        <message>
            <source>The password of {login} was changed.</source>
            <translation>The password of {login} was changed.</translation>
        </message>
        <message>
            <source>Saving the password</source>
            <translation>Saving the password</translation>
        </message>
        <message>
            <source>Disable the login {who}? The person can no longer sign in until it is enabled again; what they did stays in the audit trail.</source>
            <translation>Disable the login {who}? The person can no longer sign in until it is enabled again; what they did stays in the audit trail.</translation>
        </message>
        <message>
            <source>The database login is disabled too.</source>
            <translation>The database login is disabled too.</translation>
        </message>
        <message>
            <source>Disable a login</source>
            <translation>Disable a login</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>Disable</translation>
        </message>
    </context>
    <context>
        <name>AppealDecisionDialog</name>
        <message>
            <source>Visit {visit}, item {item}, outlet {outlet}: {original} of {points} points as delivered.
The branch's appeal: {reason}{contact}</source>
            <translation>Visit {visit}, item {item}, outlet {outlet}: {original} of {points} points as delivered.
The branch's appeal: {reason}{contact}</translation>
        </message>
        <message>
            <source> (contact: {name})</source>
            <translation> (contact: {name})</translation>
        </message>
        <message>
            <source>Uphold: the item gets its full {points} points</source>
            <translation>Uphold: the item gets its full {points} points</translation>
        </message>
        <message>
            <source>Decide the appeal</source>
            <translation>Decide the appeal</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>Uphold: the item gets its full points</source>
            <translation>Uphold: the item gets its full points</translation>
        </message>
        <message>
            <source>Uphold with the score:</source>
            <translation>Uphold with the score:</translation>
        </message>
        <message>
            <source>Reject: the deduction stands</source>
            <translation>Reject: the deduction stands</translation>
        </message>
        <message>
            <source>Reason (needed for a rejection):</source>
            <translation>Reason (needed for a rejection):</translation>
        </message>
        <message>
            <source>e.g. 录像显示确有扣分情形</source>
            <translation>e.g. 录像显示确有扣分情形</translation>
        </message>
    </context>
    <context>
        <name>AuditFields</name>
        <message>
            <source>Accepted incomplete</source>
            <translation>Accepted incomplete</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Announced on</source>
            <translation>Announced on</translation>
        </message>
        <message>
            <source>Application</source>
            <translation>Application</translation>
        </message>
        <message>
            <source>Applies to</source>
            <translation>Applies to</translation>
        </message>
        <message>
            <source>Approval words</source>
            <translation>Approval words</translation>
        </message>
        <message>
            <source>Awarded</source>
            <translation>Awarded</translation>
        </message>
        <message>
            <source>Awards</source>
            <translation>Awards</translation>
        </message>
        <message>
            <source>Bank-wide</source>
            <translation>Bank-wide</translation>
        </message>
        <message>
            <source>Based on</source>
            <translation>Based on</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Committee's choice</source>
            <translation>Committee's choice</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>Complaints</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>Complete</translation>
        </message>
        <message>
            <source>Completed on</source>
            <translation>Completed on</translation>
        </message>
        <message>
            <source>Counts</source>
            <translation>Counts</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>Decided on</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Effective</source>
            <translation>Effective</translation>
        </message>
        <message>
            <source>In force from</source>
            <translation>In force from</translation>
        </message>
        <message>
            <source>Excluded (conflict)</source>
            <translation>Excluded (conflict)</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Findings</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Issuing body</source>
            <translation>Issuing body</translation>
        </message>
        <message>
            <source>Return kind</source>
            <translation>Return kind</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Login</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>Measures</translation>
        </message>
        <message>
            <source>Meeting reference</source>
            <translation>Meeting reference</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <source>Modules</source>
            <translation>Modules</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>English name</source>
            <translation>English name</translation>
        </message>
        <message>
            <source>Needs approval</source>
            <translation>Needs approval</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Number pattern</source>
            <translation>Number pattern</translation>
        </message>
        <message>
            <source>On</source>
            <translation>On</translation>
        </message>
        <message>
            <source>Org unit</source>
            <translation>Org unit</translation>
        </message>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>Outlet</translation>
        </message>
        <message>
            <source>Title won outside</source>
            <translation>Title won outside</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Quota</source>
            <translation>Quota</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Re-inspection after (years)</source>
            <translation>Re-inspection after (years)</translation>
        </message>
        <message>
            <source>Reprints</source>
            <translation>Reprints</translation>
        </message>
        <message>
            <source>Required attachments</source>
            <translation>Required attachments</translation>
        </message>
        <message>
            <source>Responsible</source>
            <translation>Responsible</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <source>Revoked on</source>
            <translation>Revoked on</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Rows</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Score sheet</source>
            <translation>Score sheet</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Supersedes</source>
            <translation>Supersedes</translation>
        </message>
        <message>
            <source>Indicator system</source>
            <translation>Indicator system</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Units</translation>
        </message>
        <message>
            <source>Verified on</source>
            <translation>Verified on</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>Weights</translation>
        </message>
        <message>
            <source>Application window ends</source>
            <translation>Application window ends</translation>
        </message>
        <message>
            <source>Application window starts</source>
            <translation>Application window starts</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>Audit trail</source>
            <translation>Audit trail</translation>
        </message>
        <message>
            <source>Who changed what and when, with the values before and after — newest first</source>
            <translation>Who changed what and when, with the values before and after — newest first</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Person:</source>
            <translation>Person:</translation>
        </message>
        <message>
            <source>anyone</source>
            <translation>anyone</translation>
        </message>
        <message>
            <source>The login whose changes to list (empty: everyone's)</source>
            <translation>The login whose changes to list (empty: everyone's)</translation>
        </message>
        <message>
            <source>Entity:</source>
            <translation>Entity:</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Key contains…</source>
            <translation>Key contains…</translation>
        </message>
        <message>
            <source>Text found in the key: a staff number, a login, a batch number…</source>
            <translation>Text found in the key: a staff number, a login, a batch number…</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>Clear every filter</source>
            <translation>Clear every filter</translation>
        </message>
        <message>
            <source>More</source>
            <translation>More</translation>
        </message>
        <message>
            <source>Fetch the next entries (scrolling to the end does the same)</source>
            <translation>Fetch the next entries (scrolling to the end does the same)</translation>
        </message>
        <message>
            <source>All entities</source>
            <translation>All entities</translation>
        </message>
        <message>
            <source>No entries match.</source>
            <translation>No entries match.</translation>
        </message>
        <message>
            <source>The newest {count} entries are shown; scroll down or press More for older ones.</source>
            <translation>The newest {count} entries are shown; scroll down or press More for older ones.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln entry(s).</source>
            <translation>
                <numerusform>%Ln entry.</numerusform>
                <numerusform>%Ln entries.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln entry(s) written to {file}</source>
            <translation>
                <numerusform>%Ln entry written to {file}</numerusform>
                <numerusform>%Ln entries written to {file}</numerusform>
            </translation>
        </message>
        <message>
            <source>No recorded change matches these filters (person, kind, dates, text).</source>
            <translation>No recorded change matches these filters (person, kind, dates, text).</translation>
        </message>
        <message>
            <source>Clear the filters</source>
            <translation>Clear the filters</translation>
        </message>
        <message>
            <source>Nothing recorded yet: every import and every change, made in the window or with the qsm command, is listed here.</source>
            <translation>Nothing recorded yet: every import and every change, made in the window or with the qsm command, is listed here.</translation>
        </message>
        <message>
            <source>Export the audit trail</source>
            <translation>Export the audit trail</translation>
        </message>
        <message>
            <source>audit_{date}.xlsx</source>
            <translation>audit_{date}.xlsx</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Login</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Entity</source>
            <translation>Entity</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Before</translation>
        </message>
        <message>
            <source>After</source>
            <translation>After</translation>
        </message>
        <message>
            <source>Import batch</source>
            <translation>Import batch</translation>
        </message>
        <message>
            <source>Audit trail — exported {date}</source>
            <translation>Audit trail — exported {date}</translation>
        </message>
        <message>
            <source>Exporting the audit trail</source>
            <translation>Exporting the audit trail</translation>
        </message>
        <message>
            <source>import batch</source>
            <translation>import batch</translation>
        </message>
        <message>
            <source>A new password was set; passwords are never recorded.</source>
            <translation>A new password was set; passwords are never recorded.</translation>
        </message>
        <message>
            <source>No fields recorded for this entry.</source>
            <translation>No fields recorded for this entry.</translation>
        </message>
        <message>
            <source>added</source>
            <translation>added</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>removed</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>changed</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
    </context>
    <context>
        <name>AuditTable</name>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Login</translation>
        </message>
        <message>
            <source>Entity</source>
            <translation>Entity</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Key</translation>
        </message>
    </context>
    <context>
        <name>ChangeTable</name>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
    </context>
    <context>
        <name>ChecklistEditionDialog</name>
        <message>
            <source>A copy of {title}; edit its items, then save.</source>
            <translation>A copy of {title}; edit its items, then save.</translation>
        </message>
        <message>
            <source>New checklist edition</source>
            <translation>New checklist edition</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>e.g. 2008版</source>
            <translation>e.g. 2008版</translation>
        </message>
        <message>
            <source>In force from:</source>
            <translation>In force from:</translation>
        </message>
    </context>
    <context>
        <name>ChecklistsPage</name>
        <message>
            <source>Mystery-visit checklists</source>
            <translation>Mystery-visit checklists</translation>
        </message>
        <message>
            <source>Checklists</source>
            <translation>Checklists</translation>
        </message>
        <message>
            <source>What a mystery visit checks, per module: dimension, points, critical items</source>
            <translation>What a mystery visit checks, per module: dimension, points, critical items</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Norm</source>
            <translation>Norm</translation>
        </message>
        <message>
            <source>Dimension</source>
            <translation>Dimension</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>Critical</translation>
        </message>
        <message>
            <source>What is checked</source>
            <translation>What is checked</translation>
        </message>
        <message>
            <source>New edition, not saved yet</source>
            <translation>New edition, not saved yet</translation>
        </message>
        <message>
            <source>Editing; not saved yet</source>
            <translation>Editing; not saved yet</translation>
        </message>
        <message>
            <source>{title} · in force from {date} · {state}</source>
            <translation>{title} · in force from {date} · {state}</translation>
        </message>
        <message>
            <source>No checklist yet: the 2007 checklists are seeded when the database is created; add one with New edition…</source>
            <translation>No checklist yet: the 2007 checklists are seeded when the database is created; add one with New edition…</translation>
        </message>
        <message numerus="yes">
            <source>used to score %n visit(s) — it cannot change; add a new edition instead</source>
            <translation>
                <numerusform>used to score %n visit — it cannot change; add a new edition instead</numerusform>
                <numerusform>used to score %n visits — it cannot change; add a new edition instead</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{title} was used to score %n visit(s) and cannot change; add a new edition instead.</source>
            <translation>
                <numerusform>{title} was used to score %n visit and cannot change; add a new edition instead.</numerusform>
                <numerusform>{title} was used to score %n visits and cannot change; add a new edition instead.</numerusform>
            </translation>
        </message>
        <message>
            <source>no visit scored against it yet — it can be edited</source>
            <translation>no visit scored against it yet — it can be edited</translation>
        </message>
        <message>
            <source>In force from {date} · {used}</source>
            <translation>In force from {date} · {used}</translation>
        </message>
        <message>
            <source>The items add up to {total} points; they must add up to {expected}.</source>
            <translation>The items add up to {total} points; they must add up to {expected}.</translation>
        </message>
        <message>
            <source>{module} ({code}) — checks {norm}</source>
            <translation>{module} ({code}) — checks {norm}</translation>
        </message>
        <message>
            <source>Total {total} of {expected} points</source>
            <translation>Total {total} of {expected} points</translation>
        </message>
        <message>
            <source>Only the head office edits the checklists.</source>
            <translation>Only the head office edits the checklists.</translation>
        </message>
        <message>
            <source>Save or discard the changes first.</source>
            <translation>Save or discard the changes first.</translation>
        </message>
        <message>
            <source>No edition to start from.</source>
            <translation>No edition to start from.</translation>
        </message>
        <message>
            <source>Copy this edition under a new version and first day in force, then edit it.</source>
            <translation>Copy this edition under a new version and first day in force, then edit it.</translation>
        </message>
        <message>
            <source>Editing already.</source>
            <translation>Editing already.</translation>
        </message>
        <message>
            <source>No edition to edit.</source>
            <translation>No edition to edit.</translation>
        </message>
        <message>
            <source>Edit this edition's items (no visit was scored against it).</source>
            <translation>Edit this edition's items (no visit was scored against it).</translation>
        </message>
        <message>
            <source>Nothing is being edited.</source>
            <translation>Nothing is being edited.</translation>
        </message>
        <message>
            <source>Check and save the edition.</source>
            <translation>Check and save the edition.</translation>
        </message>
        <message>
            <source>Drop the changes.</source>
            <translation>Drop the changes.</translation>
        </message>
        <message>
            <source>Add an item to the selected module.</source>
            <translation>Add an item to the selected module.</translation>
        </message>
        <message>
            <source>Select an item first.</source>
            <translation>Select an item first.</translation>
        </message>
        <message>
            <source>Remove the selected item.</source>
            <translation>Remove the selected item.</translation>
        </message>
        <message>
            <source>Edit the items, then save: each module's points must add up to {n}.</source>
            <translation>Edit the items, then save: each module's points must add up to {n}.</translation>
        </message>
        <message>
            <source>Saved: {title}.</source>
            <translation>Saved: {title}.</translation>
        </message>
        <message>
            <source>Saving the checklist</source>
            <translation>Saving the checklist</translation>
        </message>
    </context>
    <context>
        <name>ComplaintTables</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Counts</source>
            <translation>Counts</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>Valid</translation>
        </message>
        <message>
            <source>From the regulator</source>
            <translation>From the regulator</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>On time</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>On-time rate %</source>
            <translation>On-time rate %</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Days late</source>
            <translation>Days late</translation>
        </message>
        <message>
            <source>Complained about</source>
            <translation>Complained about</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Deadline class</source>
            <translation>Deadline class</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Registered by</source>
            <translation>Registered by</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Cause</source>
            <translation>Cause</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Rank</translation>
        </message>
        <message>
            <source>Valid complaints</source>
            <translation>Valid complaints</translation>
        </message>
        <message>
            <source>Share %</source>
            <translation>Share %</translation>
        </message>
        <message>
            <source>Cumulative %</source>
            <translation>Cumulative %</translation>
        </message>
    </context>
    <context>
        <name>ComplaintsPage</name>
        <message>
            <source>Complaints</source>
            <translation>Complaints</translation>
        </message>
        <message>
            <source>internal complaints against it</source>
            <translation>internal complaints against it</translation>
        </message>
        <message>
            <source>customer complaints in its subtree</source>
            <translation>customer complaints in its subtree</translation>
        </message>
        <message>
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <source>{period} · no registers</source>
            <translation>{period} · no registers</translation>
        </message>
        <message>
            <source>No complaints registered for {period} in this unit: import the branches' complaint registers on the Returns page.</source>
            <translation>No complaints registered for {period} in this unit: import the branches' complaint registers on the Returns page.</translation>
        </message>
        <message>
            <source>Open the Returns page</source>
            <translation>Open the Returns page</translation>
        </message>
        <message>
            <source>Your role does not import returns.</source>
            <translation>Your role does not import returns.</translation>
        </message>
        <message>
            <source>{valid} valid customer complaints · {overdue} overdue on {date}</source>
            <translation>{valid} valid customer complaints · {overdue} overdue on {date}</translation>
        </message>
        <message>
            <source>As of {date}. On time = valid, closed within its deadline class; overdue = closed late or open past the deadline; pending = open, deadline not passed. On-time rate = on time ÷ (valid − pending).</source>
            <translation>As of {date}. On time = valid, closed within its deadline class; overdue = closed late or open past the deadline; pending = open, deadline not passed. On-time rate = on time ÷ (valid − pending).</translation>
        </message>
        <message numerus="yes">
            <source>%n complaint(s) overdue on {date}, most days late first.</source>
            <translation>
                <numerusform>%n complaint overdue on {date}, most days late first.</numerusform>
                <numerusform>%n complaints overdue on {date}, most days late first.</numerusform>
            </translation>
        </message>
        <message>
            <source>No complaint is overdue on {date}.</source>
            <translation>No complaint is overdue on {date}.</translation>
        </message>
        <message>
            <source>Other outlets ({n})</source>
            <translation>Other outlets ({n})</translation>
        </message>
        <message>
            <source>Valid customer complaints of {period} by cause, most frequent first; the shaded causes make up the first {vital}% (the vital few). Columns: the outlets complained about, most complaints first (hover a code for its name).</source>
            <translation>Valid customer complaints of {period} by cause, most frequent first; the shaded causes make up the first {vital}% (the vital few). Columns: the outlets complained about, most complaints first (hover a code for its name).</translation>
        </message>
        <message>
            <source>No valid complaint in {period}.</source>
            <translation>No valid complaint in {period}.</translation>
        </message>
        <message>
            <source>Valid complaints</source>
            <translation>Valid complaints</translation>
        </message>
        <message>
            <source>Cumulative share of complaints</source>
            <translation>Cumulative share of complaints</translation>
        </message>
        <message>
            <source>Other causes ({n})</source>
            <translation>Other causes ({n})</translation>
        </message>
        <message>
            <source>Nothing to export.</source>
            <translation>Nothing to export.</translation>
        </message>
        <message>
            <source>Write the table on screen to an Excel workbook.</source>
            <translation>Write the table on screen to an Excel workbook.</translation>
        </message>
        <message>
            <source>Complaints {period}, as of {date} — {unit}: {what}</source>
            <translation>Complaints {period}, as of {date} — {unit}: {what}</translation>
        </message>
        <message>
            <source>Exporting the table</source>
            <translation>Exporting the table</translation>
        </message>
        <message>
            <source>Export the table</source>
            <translation>Export the table</translation>
        </message>
        <message>
            <source>complaints_{period}_{unit}.xlsx</source>
            <translation>complaints_{period}_{unit}.xlsx</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>ConflictBox</name>
        <message>
            <source>Changed by someone else</source>
            <translation>Changed by someone else</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
    </context>
    <context>
        <name>CourseDialog</name>
        <message>
            <source>Course {code}</source>
            <translation>Course {code}</translation>
        </message>
        <message>
            <source>Not stated</source>
            <translation>Not stated</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>Provider</translation>
        </message>
        <message>
            <source>Meant for</source>
            <translation>Meant for</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>No post ticked: the course is for everyone. For certification training the ticked posts form the comparison group of the effect figure.</source>
            <translation>No post ticked: the course is for everyone. For certification training the ticked posts form the comparison group of the effect figure.</translation>
        </message>
    </context>
    <context>
        <name>CycleDialog</name>
        <message>
            <source>Award cycle {label}</source>
            <translation>Award cycle {label}</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>not set</translation>
        </message>
        <message>
            <source>Load another score sheet (TOML)…</source>
            <translation>Load another score sheet (TOML)…</translation>
        </message>
        <message>
            <source>Official title:</source>
            <translation>Official title:</translation>
        </message>
        <message>
            <source>Announced on:</source>
            <translation>Announced on:</translation>
        </message>
        <message>
            <source>Applications from:</source>
            <translation>Applications from:</translation>
        </message>
        <message>
            <source>Applications until:</source>
            <translation>Applications until:</translation>
        </message>
        <message>
            <source>Quota:</source>
            <translation>Quota:</translation>
        </message>
        <message>
            <source>Required attachments (separated by 、):</source>
            <translation>Required attachments (separated by 、):</translation>
        </message>
        <message>
            <source>Certificate number pattern:</source>
            <translation>Certificate number pattern:</translation>
        </message>
        <message>
            <source>Issuing body:</source>
            <translation>Issuing body:</translation>
        </message>
        <message>
            <source>Re-inspection after (years):</source>
            <translation>Re-inspection after (years):</translation>
        </message>
        <message>
            <source>Score sheet: {name}</source>
            <translation>Score sheet: {name}</translation>
        </message>
        <message>
            <source>Score sheet</source>
            <translation>Score sheet</translation>
        </message>
        <message>
            <source>TOML (*.toml)</source>
            <translation>TOML (*.toml)</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Front-line staff in post</source>
            <translation>Front-line staff in post</translation>
        </message>
        <message>
            <source>Certified</source>
            <translation>Certified</translation>
        </message>
        <message>
            <source>Certification rate, all posts</source>
            <translation>Certification rate, all posts</translation>
        </message>
        <message>
            <source>Certificates expiring within 90 days</source>
            <translation>Certificates expiring within 90 days</translation>
        </message>
        <message>
            <source>Certification rates against the plan's targets</source>
            <translation>Certification rates against the plan's targets</translation>
        </message>
        <message>
            <source>Returns of the period</source>
            <translation>Returns of the period</translation>
        </message>
        <message>
            <source>No staff yet: import the org list and the certification returns</source>
            <translation>No staff yet: import the org list and the certification returns</translation>
        </message>
        <message>
            <source>Rate on {date}</source>
            <translation>Rate on {date}</translation>
        </message>
        <message>
            <source>Target {year}</source>
            <translation>Target {year}</translation>
        </message>
        <message>
            <source>at or above target</source>
            <translation>at or above target</translation>
        </message>
        <message>
            <source>within 5 points below</source>
            <translation>within 5 points below</translation>
        </message>
        <message>
            <source>more than 5 points below</source>
            <translation>more than 5 points below</translation>
        </message>
        <message>
            <source>{received} received · {missing} missing · {refused} refused</source>
            <translation>{received} received · {missing} missing · {refused} refused</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>Building the demo database</source>
            <translation>Building the demo database</translation>
        </message>
    </context>
    <context>
        <name>EnglishNameDialog</name>
        <message>
            <source>English name</source>
            <translation>English name</translation>
        </message>
        <message>
            <source>Table:</source>
            <translation>Table:</translation>
        </message>
        <message>
            <source>Code:</source>
            <translation>Code:</translation>
        </message>
        <message>
            <source>Chinese name:</source>
            <translation>Chinese name:</translation>
        </message>
        <message>
            <source>&amp;English name:</source>
            <translation>&amp;English name:</translation>
        </message>
        <message>
            <source>Save…</source>
            <translation>Save…</translation>
        </message>
        <message>
            <source>{count} of {limit} characters. Leave it empty to show the Chinese name in English.</source>
            <translation>{count} of {limit} characters. Leave it empty to show the Chinese name in English.</translation>
        </message>
    </context>
    <context>
        <name>ErrorReport</name>
        <message>
            <source>Unexpected error</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <source>QSM Desktop ran into a problem it did not expect; the last action may not have finished.

The details were written to the log file:
{path}
Please send them to your administrator.</source>
            <translation>QSM Desktop ran into a problem it did not expect; the last action may not have finished.

The details were written to the log file:
{path}
Please send them to your administrator.</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>Copy details</translation>
        </message>
        <message>
            <source>QSM Desktop</source>
            <translation>QSM Desktop</translation>
        </message>
        <message>
            <source>Cannot use the file “%1”: %2.</source>
            <translation>Cannot use the file “%1”: %2.</translation>
        </message>
        <message>
            <source>A file could not be used: %1.</source>
            <translation>A file could not be used: %1.</translation>
        </message>
    </context>
    <context>
        <name>EvaluationPage</name>
        <message>
            <source>Rank</source>
            <translation>Rank</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>Full points</source>
            <translation>Full points</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Explanation / points lost</source>
            <translation>Explanation / points lost</translation>
        </message>
        <message>
            <source>Comprehensive evaluation</source>
            <translation>Comprehensive evaluation</translation>
        </message>
        <message>
            <source>Evaluation</source>
            <translation>Evaluation</translation>
        </message>
        <message>
            <source>Scores and rankings of the quarter (DESIGN §4)</source>
            <translation>Scores and rankings of the quarter (DESIGN §4)</translation>
        </message>
        <message>
            <source>{period} · {system}</source>
            <translation>{period} · {system}</translation>
        </message>
        <message>
            <source>Quarter:</source>
            <translation>Quarter:</translation>
        </message>
        <message>
            <source>Compute</source>
            <translation>Compute</translation>
        </message>
        <message>
            <source>Score the quarter again from the current returns and registers</source>
            <translation>Score the quarter again from the current returns and registers</translation>
        </message>
        <message>
            <source>Publish…</source>
            <translation>Publish…</translation>
        </message>
        <message>
            <source>Unit report…</source>
            <translation>Unit report…</translation>
        </message>
        <message>
            <source>Bank-wide report…</source>
            <translation>Bank-wide report…</translation>
        </message>
        <message>
            <source>All reports…</source>
            <translation>All reports…</translation>
        </message>
        <message>
            <source>Enter value…</source>
            <translation>Enter value…</translation>
        </message>
        <message>
            <source>Branches</source>
            <translation>Branches</translation>
        </message>
        <message>
            <source>Head-office departments</source>
            <translation>Head-office departments</translation>
        </message>
        <message>
            <source>Missing inputs ({count}) — these units get no grade and no rank:</source>
            <translation>Missing inputs ({count}) — these units get no grade and no rank:</translation>
        </message>
        <message>
            <source>… and {n} more</source>
            <translation>… and {n} more</translation>
        </message>
        <message>
            <source>Not computed yet: press Compute.</source>
            <translation>Not computed yet: press Compute.</translation>
        </message>
        <message>
            <source>No evaluation inputs yet: import quarterly and internal-service returns.</source>
            <translation>No evaluation inputs yet: import quarterly and internal-service returns.</translation>
        </message>
        <message>
            <source>Published as incomplete on {date} by {who}</source>
            <translation>Published as incomplete on {date} by {who}</translation>
        </message>
        <message>
            <source>Published on {date} by {who}</source>
            <translation>Published on {date} by {who}</translation>
        </message>
        <message>
            <source>Draft, not yet published by head office — computed {date}; your units' scores may still change</source>
            <translation>Draft, not yet published by head office — computed {date}; your units' scores may still change</translation>
        </message>
        <message>
            <source>Draft, complete — computed {date} by {who}; ready to publish</source>
            <translation>Draft, complete — computed {date} by {who}; ready to publish</translation>
        </message>
        <message>
            <source>Draft, incomplete — computed {date} by {who}</source>
            <translation>Draft, incomplete — computed {date} by {who}</translation>
        </message>
        <message>
            <source>{rank} of {count}</source>
            <translation>{rank} of {count}</translation>
        </message>
        <message>
            <source>Total &lt;b&gt;{total}&lt;/b&gt;</source>
            <translation>Total &lt;b&gt;{total}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>grade &lt;span style='background:{bg};'&gt;&amp;nbsp;{grade}&amp;nbsp;&lt;/span&gt;</source>
            <translation>grade &lt;span style='background:{bg};'&gt;&amp;nbsp;{grade}&amp;nbsp;&lt;/span&gt;</translation>
        </message>
        <message>
            <source>rank {rank}</source>
            <translation>rank {rank}</translation>
        </message>
        <message>
            <source>change {change}</source>
            <translation>change {change}</translation>
        </message>
        <message>
            <source>weight {weight}, target {target}</source>
            <translation>weight {weight}, target {target}</translation>
        </message>
        <message>
            <source>Source: {origin}</source>
            <translation>Source: {origin}</translation>
        </message>
        <message>
            <source>Values read:</source>
            <translation>Values read:</translation>
        </message>
        <message>
            <source>Computing the scores of {period}</source>
            <translation>Computing the scores of {period}</translation>
        </message>
        <message>
            <source>Publishing {period}</source>
            <translation>Publishing {period}</translation>
        </message>
        <message>
            <source>Saving the value</source>
            <translation>Saving the value</translation>
        </message>
        <message>
            <source>Writing the report of {unit}</source>
            <translation>Writing the report of {unit}</translation>
        </message>
        <message>
            <source>Writing the bank-wide report</source>
            <translation>Writing the bank-wide report</translation>
        </message>
        <message>
            <source>Writing all reports</source>
            <translation>Writing all reports</translation>
        </message>
        <message>
            <source>Save the unit report</source>
            <translation>Save the unit report</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>PDF document (*.pdf)</translation>
        </message>
        <message>
            <source>{period}_evaluation_report.pdf</source>
            <translation>{period}_evaluation_report.pdf</translation>
        </message>
        <message>
            <source>Save the bank-wide report</source>
            <translation>Save the bank-wide report</translation>
        </message>
        <message>
            <source>Folder for all reports</source>
            <translation>Folder for all reports</translation>
        </message>
    </context>
    <context>
        <name>FileMenu</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Back up database…</source>
            <translation>&amp;Back up database…</translation>
        </message>
        <message>
            <source>Make a consistent copy of the database file while it is in use</source>
            <translation>Make a consistent copy of the database file while it is in use</translation>
        </message>
        <message>
            <source>Sign &amp;out / switch user…</source>
            <translation>Sign &amp;out / switch user…</translation>
        </message>
        <message>
            <source>This database has no accounts yet: you work as the local administrator, and there is nobody to switch to.</source>
            <translation>This database has no accounts yet: you work as the local administrator, and there is nobody to switch to.</translation>
        </message>
        <message>
            <source>Close the window and sign in again</source>
            <translation>Close the window and sign in again</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Backing up the database</source>
            <translation>Backing up the database</translation>
        </message>
        <message>
            <source>Back up the database to</source>
            <translation>Back up the database to</translation>
        </message>
        <message>
            <source>SQLite database (*.db);;All files (*)</source>
            <translation>SQLite database (*.db);;All files (*)</translation>
        </message>
        <message>
            <source>The database was copied to {path}. Only you can read the copy. To restore it, close QSM Desktop everywhere and copy the file back in place of the database.</source>
            <translation>The database was copied to {path}. Only you can read the copy. To restore it, close QSM Desktop everywhere and copy the file back in place of the database.</translation>
        </message>
        <message>
            <source>Back up database</source>
            <translation>Back up database</translation>
        </message>
    </context>
    <context>
        <name>InboxModel</name>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>Return</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Rows</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>Leaving</source>
            <translation>Leaving</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problems</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source> (replaces an earlier return)</source>
            <translation> (replaces an earlier return)</translation>
        </message>
    </context>
    <context>
        <name>IndicatorSystemEditor</name>
        <message>
            <source>New version</source>
            <translation>New version</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>In force from:</source>
            <translation>In force from:</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>Note:</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Code:</source>
            <translation>Code:</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>Unit:</translation>
        </message>
        <message>
            <source>Direction:</source>
            <translation>Direction:</translation>
        </message>
        <message>
            <source>Weight (points):</source>
            <translation>Weight (points):</translation>
        </message>
        <message>
            <source>Data source:</source>
            <translation>Data source:</translation>
        </message>
        <message>
            <source>Scoring rule:</source>
            <translation>Scoring rule:</translation>
        </message>
        <message>
            <source>Grade bands</source>
            <translation>Grade bands</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Lowest total</source>
            <translation>Lowest total</translation>
        </message>
    </context>
    <context>
        <name>IndicatorSystemPage</name>
        <message>
            <source>Higher is better</source>
            <translation>Higher is better</translation>
        </message>
        <message>
            <source>Lower is better</source>
            <translation>Lower is better</translation>
        </message>
        <message>
            <source>Quarterly return</source>
            <translation>Quarterly return</translation>
        </message>
        <message>
            <source>Internal-service ratings</source>
            <translation>Internal-service ratings</translation>
        </message>
        <message>
            <source>Certification register</source>
            <translation>Certification register</translation>
        </message>
        <message>
            <source>Training records</source>
            <translation>Training records</translation>
        </message>
        <message>
            <source>Showcase awards</source>
            <translation>Showcase awards</translation>
        </message>
        <message>
            <source>Manual entry</source>
            <translation>Manual entry</translation>
        </message>
        <message>
            <source>Mystery visits (final scores)</source>
            <translation>Mystery visits (final scores)</translation>
        </message>
        <message>
            <source>Complaint register</source>
            <translation>Complaint register</translation>
        </message>
        <message>
            <source>Corrective and preventive actions</source>
            <translation>Corrective and preventive actions</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Total now</source>
            <translation>Total now</translation>
        </message>
        <message>
            <source>Total with the draft</source>
            <translation>Total with the draft</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Difference</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Rank</translation>
        </message>
        <message>
            <source>Indicator systems</source>
            <translation>Indicator systems</translation>
        </message>
        <message>
            <source>Weights, scoring rules and grade bands; saving always makes a new version</source>
            <translation>Weights, scoring rules and grade bands; saving always makes a new version</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>Score the last computed quarter under the draft (nothing is saved)</source>
            <translation>Score the last computed quarter under the draft (nothing is saved)</translation>
        </message>
        <message>
            <source>Save as new version</source>
            <translation>Save as new version</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>{label} — in force from {date}</source>
            <translation>{label} — in force from {date}</translation>
        </message>
        <message>
            <source> (scored: {periods})</source>
            <translation> (scored: {periods})</translation>
        </message>
        <message>
            <source>New indicator</source>
            <translation>New indicator</translation>
        </message>
        <message>
            <source>The draft is valid: the weights of each unit type add up to 100.</source>
            <translation>The draft is valid: the weights of each unit type add up to 100.</translation>
        </message>
        <message>
            <source>Preview: press Preview to see the effect on the last quarter's scores</source>
            <translation>Preview: press Preview to see the effect on the last quarter's scores</translation>
        </message>
        <message>
            <source>Preview on {period}: totals now and with the draft</source>
            <translation>Preview on {period}: totals now and with the draft</translation>
        </message>
        <message>
            <source>Previewing the draft</source>
            <translation>Previewing the draft</translation>
        </message>
        <message>
            <source>Saving the indicator system</source>
            <translation>Saving the indicator system</translation>
        </message>
        <message>
            <source>Importing the indicator system</source>
            <translation>Importing the indicator system</translation>
        </message>
        <message>
            <source>Exporting the indicator system</source>
            <translation>Exporting the indicator system</translation>
        </message>
        <message>
            <source>Import an indicator system</source>
            <translation>Import an indicator system</translation>
        </message>
        <message>
            <source>Indicator system (*.toml *.xlsx)</source>
            <translation>Indicator system (*.toml *.xlsx)</translation>
        </message>
        <message>
            <source>Export the indicator system</source>
            <translation>Export the indicator system</translation>
        </message>
        <message>
            <source>TOML (*.toml);;Excel workbook (*.xlsx)</source>
            <translation>TOML (*.toml);;Excel workbook (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Tellers</source>
            <translation>Tellers</translation>
        </message>
        <message>
            <source>Retail sales &amp; service</source>
            <translation>Retail sales &amp; service</translation>
        </message>
        <message>
            <source>Corporate account managers</source>
            <translation>Corporate account managers</translation>
        </message>
        <message>
            <source>International product managers</source>
            <translation>International product managers</translation>
        </message>
        <message>
            <source>Business processing</source>
            <translation>Business processing</translation>
        </message>
        <message>
            <source>Tellers (short)</source>
            <translation>Tellers</translation>
        </message>
        <message>
            <source>Retail sales (short)</source>
            <translation>Retail sales</translation>
        </message>
        <message>
            <source>Corporate (short)</source>
            <translation>Corporate</translation>
        </message>
        <message>
            <source>International (short)</source>
            <translation>International</translation>
        </message>
        <message>
            <source>Processing (short)</source>
            <translation>Processing</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>All categories</translation>
        </message>
        <message>
            <source>Certified</source>
            <translation>Certified</translation>
        </message>
        <message>
            <source>Expiring soon</source>
            <translation>Expiring soon</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>Not certified</source>
            <translation>Not certified</translation>
        </message>
        <message>
            <source>Org list</source>
            <translation>Org list</translation>
        </message>
        <message>
            <source>Certification return</source>
            <translation>Certification return</translation>
        </message>
        <message>
            <source>Training return</source>
            <translation>Training return</translation>
        </message>
        <message>
            <source>Quarterly service-quality return</source>
            <translation>Quarterly service-quality return</translation>
        </message>
        <message>
            <source>Showcase application</source>
            <translation>Showcase application</translation>
        </message>
        <message>
            <source>Internal service rating</source>
            <translation>Internal service rating</translation>
        </message>
        <message>
            <source>On-site score sheet</source>
            <translation>On-site score sheet</translation>
        </message>
        <message>
            <source>Mystery-visit results</source>
            <translation>Mystery-visit results</translation>
        </message>
        <message>
            <source>Mystery-visit appeals</source>
            <translation>Mystery-visit appeals</translation>
        </message>
        <message>
            <source>Corrective action feedback</source>
            <translation>Corrective action feedback</translation>
        </message>
        <message>
            <source>Complaint register</source>
            <translation>Complaint register</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Resubmitted</source>
            <translation>Resubmitted</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>Checked</translation>
        </message>
        <message>
            <source>Ready to import</source>
            <translation>Ready to import</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Needs unit and period</source>
            <translation>Needs unit and period</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <source>staff</source>
            <translation>staff</translation>
        </message>
        <message>
            <source>certificates</source>
            <translation>certificates</translation>
        </message>
        <message>
            <source>units</source>
            <translation>units</translation>
        </message>
        <message>
            <source>new</source>
            <translation>new</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>changed</translation>
        </message>
        <message>
            <source>leaving</source>
            <translation>leaving</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>removed</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Database: {name}</source>
            <translation>Database: {name}</translation>
        </message>
        <message>
            <source>No system keyring is available on this computer, so the password cannot be remembered; type it each time.</source>
            <translation>No system keyring is available on this computer, so the password cannot be remembered; type it each time.</translation>
        </message>
        <message>
            <source>The password is kept in the system keyring of this computer, never in a settings file.</source>
            <translation>The password is kept in the system keyring of this computer, never in a settings file.</translation>
        </message>
        <message>
            <source>On the shared database your login is your PostgreSQL login: the database itself limits what you see and change.</source>
            <translation>On the shared database your login is your PostgreSQL login: the database itself limits what you see and change.</translation>
        </message>
        <message>
            <source>This database is a file on this computer (SQLite): logins keep honest people apart, but anyone who can copy the file can read all of it. A shared office uses PostgreSQL.</source>
            <translation>This database is a file on this computer (SQLite): logins keep honest people apart, but anyone who can copy the file can read all of it. A shared office uses PostgreSQL.</translation>
        </message>
        <message>
            <source>Type your login name.</source>
            <translation>Type your login name.</translation>
        </message>
        <message>
            <source>Signing in …</source>
            <translation>Signing in …</translation>
        </message>
        <message>
            <source>Signing in failed unexpectedly; the details are in the log.</source>
            <translation>Signing in failed unexpectedly; the details are in the log.</translation>
        </message>
        <message>
            <source>Sign in — QSM Desktop</source>
            <translation>Sign in — QSM Desktop</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>&amp;Login:</source>
            <translation>&amp;Login:</translation>
        </message>
        <message>
            <source>e.g. li_li</source>
            <translation>e.g. li_li</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>&amp;Remember the password (system keyring)</source>
            <translation>&amp;Remember the password (system keyring)</translation>
        </message>
        <message>
            <source>Open the local database instead</source>
            <translation>Open the local database instead</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>QSM Desktop — Service Quality Management Office</source>
            <translation>QSM Desktop — Service Quality Management Office</translation>
        </message>
        <message>
            <source>Service Quality Management</source>
            <translation>Service Quality Management</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>Unit:</translation>
        </message>
        <message>
            <source>Period:</source>
            <translation>Period:</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Reload every page from the database (F5)</source>
            <translation>Reload every page from the database (F5)</translation>
        </message>
        <message>
            <source>{page} (Ctrl+{number})</source>
            <translation>{page} (Ctrl+{number})</translation>
        </message>
        <message>
            <source>Database: {name} (server)</source>
            <translation>Database: {name} (server)</translation>
        </message>
        <message>
            <source>Database: {name} (file)</source>
            <translation>Database: {name} (file)</translation>
        </message>
        <message>
            <source>This database has no accounts yet, so you work as the local administrator. Once the first (administrator) account exists, everyone signs in.</source>
            <translation>This database has no accounts yet, so you work as the local administrator. Once the first (administrator) account exists, everyone signs in.</translation>
        </message>
        <message>
            <source>Signed in as {login}</source>
            <translation>Signed in as {login}</translation>
        </message>
        <message>
            <source>{login} · {role} (local: no logins yet)</source>
            <translation>{login} · {role} (local: no logins yet)</translation>
        </message>
        <message>
            <source>Period: {period}</source>
            <translation>Period: {period}</translation>
        </message>
    </context>
    <context>
        <name>MonitoringActionsForm</name>
        <message>
            <source>Source:</source>
            <translation>Source:</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Branch:</source>
            <translation>Branch:</translation>
        </message>
        <message>
            <source>As of:</source>
            <translation>As of:</translation>
        </message>
        <message>
            <source>Overdue only</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <source>Verify…</source>
            <translation>Verify…</translation>
        </message>
        <message>
            <source>Feedback template…</source>
            <translation>Feedback template…</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>On time per branch</source>
            <translation>On time per branch</translation>
        </message>
    </context>
    <context>
        <name>MonitoringChecklistsForm</name>
        <message>
            <source>Edition:</source>
            <translation>Edition:</translation>
        </message>
        <message>
            <source>New edition…</source>
            <translation>New edition…</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Discard changes</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Add item</source>
            <translation>Add item</translation>
        </message>
        <message>
            <source>Remove item</source>
            <translation>Remove item</translation>
        </message>
    </context>
    <context>
        <name>MonitoringComplaintsForm</name>
        <message>
            <source>Quarter:</source>
            <translation>Quarter:</translation>
        </message>
        <message>
            <source>As of:</source>
            <translation>As of:</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Figures</translation>
        </message>
        <message>
            <source>Causes (Pareto)</source>
            <translation>Causes (Pareto)</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
    </context>
    <context>
        <name>MonitoringTerms</name>
        <message>
            <source>corrective</source>
            <translation>corrective</translation>
        </message>
        <message>
            <source>preventive</source>
            <translation>preventive</translation>
        </message>
        <message>
            <source>mystery visit</source>
            <translation>mystery visit</translation>
        </message>
        <message>
            <source>complaint</source>
            <translation>complaint</translation>
        </message>
        <message>
            <source>critical item lost points</source>
            <translation>critical item lost points</translation>
        </message>
        <message>
            <source>lost two quarters running</source>
            <translation>lost two quarters running</translation>
        </message>
        <message>
            <source>lost at 3+ outlets of the branch</source>
            <translation>lost at 3+ outlets of the branch</translation>
        </message>
        <message>
            <source>repeat complaints</source>
            <translation>repeat complaints</translation>
        </message>
        <message>
            <source>customer complaint</source>
            <translation>customer complaint</translation>
        </message>
        <message>
            <source>internal complaint</source>
            <translation>internal complaint</translation>
        </message>
        <message>
            <source>appearance</source>
            <translation>appearance</translation>
        </message>
        <message>
            <source>conduct</source>
            <translation>conduct</translation>
        </message>
        <message>
            <source>discipline</source>
            <translation>discipline</translation>
        </message>
        <message>
            <source>competence</source>
            <translation>competence</translation>
        </message>
        <message>
            <source>facilities</source>
            <translation>facilities</translation>
        </message>
    </context>
    <context>
        <name>MonitoringVisitsForm</name>
        <message>
            <source>Quarter:</source>
            <translation>Quarter:</translation>
        </message>
        <message>
            <source>Finalise the quarter…</source>
            <translation>Finalise the quarter…</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>Scores</translation>
        </message>
        <message>
            <source>‹ Up</source>
            <translation>‹ Up</translation>
        </message>
        <message>
            <source>Appeals</source>
            <translation>Appeals</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>Show:</translation>
        </message>
        <message>
            <source>Decide…</source>
            <translation>Decide…</translation>
        </message>
    </context>
    <context>
        <name>MysteryVisitTables</name>
        <message>
            <source>Appeals undecided / filed</source>
            <translation>Appeals undecided / filed</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Outlets visited</source>
            <translation>Outlets visited</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Items lost</source>
            <translation>Items lost</translation>
        </message>
        <message>
            <source>Visits capped at 60</source>
            <translation>Visits capped at 60</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>Outlet</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Items applicable</source>
            <translation>Items applicable</translation>
        </message>
        <message>
            <source>Critical item lost</source>
            <translation>Critical item lost</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>Checked</translation>
        </message>
        <message>
            <source>Dimension</source>
            <translation>Dimension</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Counts</source>
            <translation>Counts</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>Critical</translation>
        </message>
        <message>
            <source>Appeal</source>
            <translation>Appeal</translation>
        </message>
        <message>
            <source>Reason for the deduction</source>
            <translation>Reason for the deduction</translation>
        </message>
        <message>
            <source>Staff no.</source>
            <translation>Staff no.</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Score given</source>
            <translation>Score given</translation>
        </message>
        <message>
            <source>The branch's reason</source>
            <translation>The branch's reason</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Reason of the decision</source>
            <translation>Reason of the decision</translation>
        </message>
        <message>
            <source>Decided by</source>
            <translation>Decided by</translation>
        </message>
        <message>
            <source>Decided at</source>
            <translation>Decided at</translation>
        </message>
    </context>
    <context>
        <name>MysteryVisitsPage</name>
        <message>
            <source>Mystery visits</source>
            <translation>Mystery visits</translation>
        </message>
        <message>
            <source>All appeals</source>
            <translation>All appeals</translation>
        </message>
        <message>
            <source>Undecided</source>
            <translation>Undecided</translation>
        </message>
        <message>
            <source>Decided</source>
            <translation>Decided</translation>
        </message>
        <message>
            <source>{period} · no visits</source>
            <translation>{period} · no visits</translation>
        </message>
        <message>
            <source>final</source>
            <translation>final</translation>
        </message>
        <message>
            <source>provisional</source>
            <translation>provisional</translation>
        </message>
        <message numerus="yes">
            <source>{open} of %n appeal(s) undecided.</source>
            <translation>
                <numerusform>{open} of %n appeal undecided.</numerusform>
                <numerusform>{open} of %n appeals undecided.</numerusform>
            </translation>
        </message>
        <message>
            <source>No appeal filed.</source>
            <translation>No appeal filed.</translation>
        </message>
        <message>
            <source>{provisional} — {appeals} {change}</source>
            <translation>{provisional} — {appeals} {change}</translation>
        </message>
        <message>
            <source>Provisional: this quarter is not finalised yet</source>
            <translation>Provisional: this quarter is not finalised yet</translation>
        </message>
        <message>
            <source>The scores may still change with the head office's decisions.</source>
            <translation>The scores may still change with the head office's decisions.</translation>
        </message>
        <message>
            <source>No mystery visits for {period} in this unit yet: import the agency's 暗访结果 return (mystery-visit results) on the Returns page.</source>
            <translation>No mystery visits for {period} in this unit yet: import the agency's 暗访结果 return (mystery-visit results) on the Returns page.</translation>
        </message>
        <message>
            <source>Open the Returns page</source>
            <translation>Open the Returns page</translation>
        </message>
        <message>
            <source>Your role does not import returns.</source>
            <translation>Your role does not import returns.</translation>
        </message>
        <message>
            <source>{unit}: {score}</source>
            <translation>{unit}: {score}</translation>
        </message>
        <message>
            <source>{visits} at {outlets}</source>
            <translation>{visits} at {outlets}</translation>
        </message>
        <message numerus="yes">
            <source>%n visit(s)</source>
            <translation>
                <numerusform>%n visit</numerusform>
                <numerusform>%n visits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n outlet(s)</source>
            <translation>
                <numerusform>%n outlet</numerusform>
                <numerusform>%n outlets</numerusform>
            </translation>
        </message>
        <message>
            <source>final since {when} ({who})</source>
            <translation>final since {when} ({who})</translation>
        </message>
        <message>
            <source>Select a visit to see its items.</source>
            <translation>Select a visit to see its items.</translation>
        </message>
        <message>
            <source>This is the top level</source>
            <translation>This is the top level</translation>
        </message>
        <message>
            <source>Back to the level above (Backspace)</source>
            <translation>Back to the level above (Backspace)</translation>
        </message>
        <message>
            <source>Branches</source>
            <translation>Branches</translation>
        </message>
        <message>
            <source>Outlets</source>
            <translation>Outlets</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>No appeals for {period}: a branch files them with the 申诉 return (mystery-visit appeals) on the Returns page while the quarter is provisional.</source>
            <translation>No appeals for {period}: a branch files them with the 申诉 return (mystery-visit appeals) on the Returns page while the quarter is provisional.</translation>
        </message>
        <message>
            <source>Select an appeal to decide it.</source>
            <translation>Select an appeal to decide it.</translation>
        </message>
        <message>
            <source>Only the head office finalises a quarter.</source>
            <translation>Only the head office finalises a quarter.</translation>
        </message>
        <message>
            <source>Nothing to finalise: no visits in this quarter.</source>
            <translation>Nothing to finalise: no visits in this quarter.</translation>
        </message>
        <message>
            <source>{period} is finalised already.</source>
            <translation>{period} is finalised already.</translation>
        </message>
        <message>
            <source>Freeze the scores and raise the findings with their corrective and preventive actions.</source>
            <translation>Freeze the scores and raise the findings with their corrective and preventive actions.</translation>
        </message>
        <message numerus="yes">
            <source>%n appeal(s) still undecided: finalising is refused until they are decided.</source>
            <translation>
                <numerusform>%n appeal still undecided: finalising is refused until they are decided.</numerusform>
                <numerusform>%n appeals still undecided: finalising is refused until they are decided.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to export.</source>
            <translation>Nothing to export.</translation>
        </message>
        <message>
            <source>Write the table on screen to an Excel workbook.</source>
            <translation>Write the table on screen to an Excel workbook.</translation>
        </message>
        <message>
            <source>Uphold or reject the selected appeal.</source>
            <translation>Uphold or reject the selected appeal.</translation>
        </message>
        <message>
            <source>Select an undecided appeal.</source>
            <translation>Select an undecided appeal.</translation>
        </message>
        <message>
            <source>This appeal is decided already ({status}).</source>
            <translation>This appeal is decided already ({status}).</translation>
        </message>
        <message>
            <source>The quarter is finalised: its appeals are closed.</source>
            <translation>The quarter is finalised: its appeals are closed.</translation>
        </message>
        <message>
            <source>Your role only reads.</source>
            <translation>Your role only reads.</translation>
        </message>
        <message>
            <source>Deciding the appeal</source>
            <translation>Deciding the appeal</translation>
        </message>
        <message>
            <source>Quarter finalised</source>
            <translation>Quarter finalised</translation>
        </message>
        <message>
            <source>{period} is final: {visits} visits, bank score {bank}; {findings} findings raised {actions} actions (see the Actions page).</source>
            <translation>{period} is final: {visits} visits, bank score {bank}; {findings} findings raised {actions} actions (see the Actions page).</translation>
        </message>
        <message>
            <source>Finalising {period}</source>
            <translation>Finalising {period}</translation>
        </message>
        <message>
            <source>Appeals</source>
            <translation>Appeals</translation>
        </message>
        <message>
            <source>Mystery-visit scores</source>
            <translation>Mystery-visit scores</translation>
        </message>
        <message>
            <source>Exporting the table</source>
            <translation>Exporting the table</translation>
        </message>
        <message>
            <source>Items of visit {visit} — {outlet}, {date}, {module}: {score}</source>
            <translation>Items of visit {visit} — {outlet}, {date}, {module}: {score}</translation>
        </message>
        <message>
            <source>Finalise the quarter</source>
            <translation>Finalise the quarter</translation>
        </message>
        <message>
            <source>Finalise {period}? The scores of its {visits} visits are frozen, the findings are raised with their corrective and preventive actions, and the quarter takes no more deliveries or appeals. This cannot be undone.</source>
            <translation>Finalise {period}? The scores of its {visits} visits are frozen, the findings are raised with their corrective and preventive actions, and the quarter takes no more deliveries or appeals. This cannot be undone.</translation>
        </message>
        <message>
            <source>Export the table</source>
            <translation>Export the table</translation>
        </message>
        <message>
            <source>mystery_visits_{period}_{unit}.xlsx</source>
            <translation>mystery_visits_{period}_{unit}.xlsx</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>Rates</source>
            <translation>Rates</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>Evaluation</source>
            <translation>Evaluation</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>English names</source>
            <translation>English names</translation>
        </message>
        <message>
            <source>Plan targets</source>
            <translation>Plan targets</translation>
        </message>
        <message>
            <source>Showcase units</source>
            <translation>Showcase units</translation>
        </message>
        <message>
            <source>Mystery visits</source>
            <translation>Mystery visits</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>Complaints</translation>
        </message>
        <message>
            <source>Checklists</source>
            <translation>Checklists</translation>
        </message>
        <message>
            <source>Administration</source>
            <translation>Administration</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>Audit trail</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
    </context>
    <context>
        <name>OrgPeriodDialog</name>
        <message>
            <source>Unit and period of the return</source>
            <translation>Unit and period of the return</translation>
        </message>
        <message>
            <source>The file {file} does not say which unit sent it or for which period. Choose them; the file is then checked again.</source>
            <translation>The file {file} does not say which unit sent it or for which period. Choose them; the file is then checked again.</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>Unit:</translation>
        </message>
        <message>
            <source>Period:</source>
            <translation>Period:</translation>
        </message>
    </context>
    <context>
        <name>OrganisationPage</name>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Filter by code or name</source>
            <translation>Filter by code or name</translation>
        </message>
        <message>
            <source>Counts cover each unit's whole subtree. Double-click a unit to make it the unit of every page.</source>
            <translation>Counts cover each unit's whole subtree. Double-click a unit to make it the unit of every page.</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Outlets</source>
            <translation>Outlets</translation>
        </message>
        <message>
            <source>Staff in post</source>
            <translation>Staff in post</translation>
        </message>
        <message>
            <source>Certified</source>
            <translation>Certified</translation>
        </message>
        <message>
            <source>Certification rate</source>
            <translation>Certification rate</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>No units yet: import the org list on the Returns page.</source>
            <translation>No units yet: import the org list on the Returns page.</translation>
        </message>
        <message>
            <source>{units} · {outlets} · {staff} staff in post · {certified} certified</source>
            <translation>{units} · {outlets} · {staff} staff in post · {certified} certified</translation>
        </message>
        <message numerus="yes">
            <source>%Ln unit(s)</source>
            <translation>
                <numerusform>%Ln unit</numerusform>
                <numerusform>%Ln units</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln outlet(s)</source>
            <translation>
                <numerusform>%Ln outlet</numerusform>
                <numerusform>%Ln outlets</numerusform>
            </translation>
        </message>
        <message>
            <source>No unit matches the search.</source>
            <translation>No unit matches the search.</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>Clear the search</translation>
        </message>
        <message>
            <source>Open the Returns page</source>
            <translation>Open the Returns page</translation>
        </message>
    </context>
    <context>
        <name>Page</name>
        <message>
            <source>{unit} · {period} · as of {date}</source>
            <translation>{unit} · {period} · as of {date}</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>Reset the password</source>
            <translation>Reset the password</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>Login:</translation>
        </message>
        <message>
            <source>New password:</source>
            <translation>New password:</translation>
        </message>
        <message>
            <source>Again:</source>
            <translation>Again:</translation>
        </message>
    </context>
    <context>
        <name>PersonCertificates</name>
        <message>
            <source>Certificate no.</source>
            <translation>Certificate no.</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>Counts for the post</source>
            <translation>Counts for the post</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>entered by hand</source>
            <translation>entered by hand</translation>
        </message>
        <message>
            <source>row {row}</source>
            <translation>row {row}</translation>
        </message>
    </context>
    <context>
        <name>PersonTraining</name>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>entered by hand</source>
            <translation>entered by hand</translation>
        </message>
        <message>
            <source>row {row}</source>
            <translation>row {row}</translation>
        </message>
        <message>
            <source>Course</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Ended</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Passed</translation>
        </message>
        <message>
            <source>Satisfaction</source>
            <translation>Satisfaction</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>Training (1 course)</source>
            <translation>Training (1 course)</translation>
        </message>
        <message numerus="yes">
            <source>Training (%n course(s))</source>
            <translation>
                <numerusform>Training (%n course)</numerusform>
                <numerusform>Training (%n courses)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanTargetsPage</name>
        <message>
            <source>Whole bank</source>
            <translation>Whole bank</translation>
        </message>
        <message>
            <source>Each branch</source>
            <translation>Each branch</translation>
        </message>
        <message>
            <source> (measured: branch average)</source>
            <translation> (measured: branch average)</translation>
        </message>
        <message>
            <source> (measured: whole bank)</source>
            <translation> (measured: whole bank)</translation>
        </message>
        <message>
            <source>On target</source>
            <translation>On target</translation>
        </message>
        <message>
            <source>Close (within 10%)</source>
            <translation>Close (within 10%)</translation>
        </message>
        <message>
            <source>Behind</source>
            <translation>Behind</translation>
        </message>
        <message>
            <source>Due later</source>
            <translation>Due later</translation>
        </message>
        <message>
            <source>No data</source>
            <translation>No data</translation>
        </message>
        <message>
            <source>Plan targets</source>
            <translation>Plan targets</translation>
        </message>
        <message>
            <source>The 2007–2009 service-quality plan: each target against the year's actual</source>
            <translation>The 2007–2009 service-quality plan: each target against the year's actual</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>No data for this target yet</source>
            <translation>No data for this target yet</translation>
        </message>
        <message>
            <source>Actual</source>
            <translation>Actual</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>Scope</translation>
        </message>
        <message>
            <source>Target value</source>
            <translation>Target value</translation>
        </message>
        <message>
            <source>Plan's final target</source>
            <translation>Plan's final target</translation>
        </message>
        <message>
            <source>Gap</source>
            <translation>Gap</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>How it is measured</source>
            <translation>How it is measured</translation>
        </message>
        <message>
            <source>Target {year}</source>
            <translation>Target {year}</translation>
        </message>
    </context>
    <context>
        <name>ProblemTable</name>
        <message>
            <source>Where (sheet!cell)</source>
            <translation>Where (sheet!cell)</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
    </context>
    <context>
        <name>PublishDialog</name>
        <message>
            <source>Publish {period}</source>
            <translation>Publish {period}</translation>
        </message>
        <message>
            <source>The data of this quarter is incomplete. These inputs are missing:</source>
            <translation>The data of this quarter is incomplete. These inputs are missing:</translation>
        </message>
        <message>
            <source>Publish as incomplete (the office's decision)</source>
            <translation>Publish as incomplete (the office's decision)</translation>
        </message>
        <message>
            <source>The incomplete units are graded and ranked on the data available.</source>
            <translation>The incomplete units are graded and ranked on the data available.</translation>
        </message>
        <message>
            <source>Why it is published incomplete</source>
            <translation>Why it is published incomplete</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <source>Publishing freezes the scores of {period}: they will not change afterwards, and the reports say they are published.</source>
            <translation>Publishing freezes the scores of {period}: they will not change afterwards, and the reports say they are published.</translation>
        </message>
        <message>
            <source>Publish</source>
            <translation>Publish</translation>
        </message>
    </context>
    <context>
        <name>RatesPage</name>
        <message>
            <source>{certified} of {members} certified; target {target}</source>
            <translation>{certified} of {members} certified; target {target}</translation>
        </message>
        <message>
            <source>Certification rates</source>
            <translation>Certification rates</translation>
        </message>
        <message>
            <source>Rates</source>
            <translation>Rates</translation>
        </message>
        <message>
            <source>As of:</source>
            <translation>As of:</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>at or above target</source>
            <translation>at or above target</translation>
        </message>
        <message>
            <source>within 5 points below</source>
            <translation>within 5 points below</translation>
        </message>
        <message>
            <source>more than 5 points below</source>
            <translation>more than 5 points below</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>All staff</source>
            <translation>All staff</translation>
        </message>
        <message>
            <source>Staff in post</source>
            <translation>Staff in post</translation>
        </message>
        <message>
            <source>target {value}%</source>
            <translation>target {value}%</translation>
        </message>
        <message>
            <source>No staff in this unit yet</source>
            <translation>No staff in this unit yet</translation>
        </message>
        <message>
            <source>{unit} — certification rate by post category, as of {date}</source>
            <translation>{unit} — certification rate by post category, as of {date}</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>Rate</translation>
        </message>
        <message>
            <source>Target {year}</source>
            <translation>Target {year}</translation>
        </message>
        <message>
            <source>certification_rates_{unit}_{date}.xlsx</source>
            <translation>certification_rates_{unit}_{date}.xlsx</translation>
        </message>
        <message>
            <source>Export the rates</source>
            <translation>Export the rates</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>rate %</source>
            <translation>rate %</translation>
        </message>
        <message>
            <source>target %</source>
            <translation>target %</translation>
        </message>
        <message>
            <source>certified</source>
            <translation>certified</translation>
        </message>
        <message>
            <source>members</source>
            <translation>members</translation>
        </message>
        <message>
            <source>All staff rate %</source>
            <translation>All staff rate %</translation>
        </message>
        <message>
            <source>Certified</source>
            <translation>Certified</translation>
        </message>
        <message>
            <source>Certification rates — {unit}, as of {date}</source>
            <translation>Certification rates — {unit}, as of {date}</translation>
        </message>
        <message>
            <source>Exporting the rates</source>
            <translation>Exporting the rates</translation>
        </message>
    </context>
    <context>
        <name>ReferenceNamesPage</name>
        <message>
            <source>Plan target</source>
            <translation>Plan target</translation>
        </message>
        <message>
            <source>Certificate type</source>
            <translation>Certificate type</translation>
        </message>
        <message>
            <source>Certificate level</source>
            <translation>Certificate level</translation>
        </message>
        <message>
            <source>Post category</source>
            <translation>Post category</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>Checklist</translation>
        </message>
        <message>
            <source>Checklist module</source>
            <translation>Checklist module</translation>
        </message>
        <message>
            <source>Module norm</source>
            <translation>Module norm</translation>
        </message>
        <message>
            <source>Checklist item</source>
            <translation>Checklist item</translation>
        </message>
        <message>
            <source>Complaint category</source>
            <translation>Complaint category</translation>
        </message>
        <message>
            <source>Complaint deadline class</source>
            <translation>Complaint deadline class</translation>
        </message>
        <message>
            <source>(none: the Chinese name is shown)</source>
            <translation>(none: the Chinese name is shown)</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>Table</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Chinese name</source>
            <translation>Chinese name</translation>
        </message>
        <message>
            <source>English name</source>
            <translation>English name</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Records</translation>
        </message>
        <message>
            <source>Reference names</source>
            <translation>Reference names</translation>
        </message>
        <message>
            <source>English names</source>
            <translation>English names</translation>
        </message>
        <message>
            <source>English names of the reference data the program seeds: what an English window and English reports show</source>
            <translation>English names of the reference data the program seeds: what an English window and English reports show</translation>
        </message>
        <message>
            <source>Edit English name…</source>
            <translation>Edit English name…</translation>
        </message>
        <message>
            <source>Edit the selected row's English name (Enter or F2)</source>
            <translation>Edit the selected row's English name (Enter or F2)</translation>
        </message>
        <message>
            <source>&amp;Table:</source>
            <translation>&amp;Table:</translation>
        </message>
        <message>
            <source>&amp;Find:</source>
            <translation>&amp;Find:</translation>
        </message>
        <message>
            <source>code, Chinese or English name</source>
            <translation>code, Chinese or English name</translation>
        </message>
        <message>
            <source>Each row is one Chinese name: every record carrying it (a target's years, a level of each certificate type, a module of each checklist edition) gets the English name. An empty English name shows the Chinese one. The indicator system's names are edited in the indicator system editor.</source>
            <translation>Each row is one Chinese name: every record carrying it (a target's years, a level of each certificate type, a module of each checklist edition) gets the English name. An empty English name shows the Chinese one. The indicator system's names are edited in the indicator system editor.</translation>
        </message>
        <message>
            <source>All tables</source>
            <translation>All tables</translation>
        </message>
        <message numerus="yes">
            <source>%n name(s)</source>
            <translation>
                <numerusform>%n name</numerusform>
                <numerusform>%n names</numerusform>
            </translation>
        </message>
        <message>
            <source>(of {total})</source>
            <translation>(of {total})</translation>
        </message>
        <message>
            <source>Only the head office edits reference data.</source>
            <translation>Only the head office edits reference data.</translation>
        </message>
        <message>
            <source>No name matches the filter. Clear the search or choose all tables.</source>
            <translation>No name matches the filter. Clear the search or choose all tables.</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Show all</translation>
        </message>
        <message>
            <source>No reference data in this database yet: plan targets, certificate types, posts, checklists and complaint codes are seeded when the database is set up (qsm db upgrade), and posts arrive with the certification returns. Their English names can be edited here then.</source>
            <translation>No reference data in this database yet: plan targets, certificate types, posts, checklists and complaint codes are seeded when the database is set up (qsm db upgrade), and posts arrive with the certification returns. Their English names can be edited here then.</translation>
        </message>
        <message>
            <source>nothing (the Chinese name is shown)</source>
            <translation>nothing (the Chinese name is shown)</translation>
        </message>
        <message>
            <source>Change the English name of {name} ({table})
from: {before}
to: {after}

Every page and report shows the new name at once; the change is kept in the audit trail and can be edited back.</source>
            <translation>Change the English name of {name} ({table})
from: {before}
to: {after}

Every page and report shows the new name at once; the change is kept in the audit trail and can be edited back.</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) carry this Chinese name and all get it.</source>
            <translation>
                <numerusform>%n record carry this Chinese name and all get it.</numerusform>
                <numerusform>%n records carry this Chinese name and all get it.</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the English name</source>
            <translation>Save the English name</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Saved: the English name of {name} is now {text}.</source>
            <translation>Saved: the English name of {name} is now {text}.</translation>
        </message>
        <message>
            <source>empty (the Chinese name is shown)</source>
            <translation>empty (the Chinese name is shown)</translation>
        </message>
        <message>
            <source>Saving the English name</source>
            <translation>Saving the English name</translation>
        </message>
    </context>
    <context>
        <name>RegisterModel</name>
        <message>
            <source>Employee no.</source>
            <translation>Employee no.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>Post category</source>
            <translation>Post category</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Valid until</translation>
        </message>
    </context>
    <context>
        <name>RegisterPage</name>
        <message>
            <source>Certification register</source>
            <translation>Certification register</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>Employee no. or name…</source>
            <translation>Employee no. or name…</translation>
        </message>
        <message>
            <source>Employee numbers match from the start, names anywhere</source>
            <translation>Employee numbers match from the start, names anywhere</translation>
        </message>
        <message>
            <source>All post categories</source>
            <translation>All post categories</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>In post</source>
            <translation>In post</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Certificates</source>
            <translation>Certificates</translation>
        </message>
        <message>
            <source>A certificate counts when it qualifies for the person's post category and is valid on the date shown above.</source>
            <translation>A certificate counts when it qualifies for the person's post category and is valid on the date shown above.</translation>
        </message>
        <message>
            <source>Select a person to see their certificates</source>
            <translation>Select a person to see their certificates</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Searching…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) written to {file}</source>
            <translation>
                <numerusform>%Ln row written to {file}</numerusform>
                <numerusform>%Ln rows written to {file}</numerusform>
            </translation>
        </message>
        <message>
            <source>No one in this unit matches the search and filters.</source>
            <translation>No one in this unit matches the search and filters.</translation>
        </message>
        <message>
            <source>Clear the search and filters</source>
            <translation>Clear the search and filters</translation>
        </message>
        <message>
            <source>No front-line staff in this unit yet: import the branches' certification returns on the Returns page.</source>
            <translation>No front-line staff in this unit yet: import the branches' certification returns on the Returns page.</translation>
        </message>
        <message>
            <source>Open the Returns page</source>
            <translation>Open the Returns page</translation>
        </message>
        <message>
            <source>now</source>
            <translation>now</translation>
        </message>
        <message>
            <source>register_{unit}_{date}.xlsx</source>
            <translation>register_{unit}_{date}.xlsx</translation>
        </message>
        <message>
            <source>Export the register</source>
            <translation>Export the register</translation>
        </message>
        <message numerus="yes">
            <source>%Ln person(s)</source>
            <translation>
                <numerusform>%Ln person</numerusform>
                <numerusform>%Ln people</numerusform>
            </translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Certification register — {unit}, as of {date}</source>
            <translation>Certification register — {unit}, as of {date}</translation>
        </message>
        <message>
            <source>Exporting the register</source>
            <translation>Exporting the register</translation>
        </message>
    </context>
    <context>
        <name>ReturnsBoard</name>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s), imported {when} by {who}</source>
            <translation>
                <numerusform>%Ln row, imported {when} by {who}</numerusform>
                <numerusform>%Ln rows, imported {when} by {who}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>replaced %n earlier return(s)</source>
            <translation>
                <numerusform>replaced %n earlier return</numerusform>
                <numerusform>replaced %n earlier returns</numerusform>
            </translation>
        </message>
        <message>
            <source>a later file was refused: {file}</source>
            <translation>a later file was refused: {file}</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPage</name>
        <message>
            <source>Returns</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>Branch returns: check, import, see what is in — {period}</source>
            <translation>Branch returns: check, import, see what is in — {period}</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Add files…</translation>
        </message>
        <message>
            <source>Choose return files, or drop several files on this page</source>
            <translation>Choose return files, or drop several files on this page</translation>
        </message>
        <message>
            <source>Remove from list</source>
            <translation>Remove from list</translation>
        </message>
        <message>
            <source>Set unit and period…</source>
            <translation>Set unit and period…</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Check again</translation>
        </message>
        <message>
            <source>Check the selected files again: after correcting them in Excel (save them under the same name), or after a cancelled check</source>
            <translation>Check the selected files again: after correcting them in Excel (save them under the same name), or after a cancelled check</translation>
        </message>
        <message>
            <source>Templates…</source>
            <translation>Templates…</translation>
        </message>
        <message>
            <source>Write return templates for one or many units into a folder</source>
            <translation>Write return templates for one or many units into a folder</translation>
        </message>
        <message>
            <source>Copy problems</source>
            <translation>Copy problems</translation>
        </message>
        <message>
            <source>Copy the selected problems (all when none is selected) as 'sheet!cell: message' lines</source>
            <translation>Copy the selected problems (all when none is selected) as 'sheet!cell: message' lines</translation>
        </message>
        <message>
            <source>Drop the returns the branches sent here (several at once), or use “Add files…”. Each file is checked first; nothing is written until you press “Import”.</source>
            <translation>Drop the returns the branches sent here (several at once), or use “Add files…”. Each file is checked first; nothing is written until you press “Import”.</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problems</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Changes</translation>
        </message>
        <message>
            <source>Received returns</source>
            <translation>Received returns</translation>
        </message>
        <message>
            <source>Returns of {period} from the branches of {unit}. Hover over a cell for the file and who imported it.</source>
            <translation>Returns of {period} from the branches of {unit}. Hover over a cell for the file and who imported it.</translation>
        </message>
        <message>
            <source>Left out: {files}</source>
            <translation>Left out: {files}</translation>
        </message>
        <message>
            <source>Checking returns</source>
            <translation>Checking returns</translation>
        </message>
        <message>
            <source>Importing returns</source>
            <translation>Importing returns</translation>
        </message>
        <message>
            <source>Select a file to see its problems and changes.</source>
            <translation>Select a file to see its problems and changes.</translation>
        </message>
        <message>
            <source>{file}: checking…</source>
            <translation>{file}: checking…</translation>
        </message>
        <message numerus="yes">
            <source>{file}: imported, with %n warning(s) below to read.</source>
            <translation>
                <numerusform>{file}: imported, with %n warning below to read.</numerusform>
                <numerusform>{file}: imported, with %n warnings below to read.</numerusform>
            </translation>
        </message>
        <message>
            <source>{file}: no problems; {changes} {warnings}</source>
            <translation>{file}: no problems; {changes} {warnings}</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) ready to import.</source>
            <translation>
                <numerusform>%n change ready to import.</numerusform>
                <numerusform>%n changes ready to import.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Read the %n warning(s) below first.</source>
            <translation>
                <numerusform>Read the %n warning below first.</numerusform>
                <numerusform>Read the %n warnings below first.</numerusform>
            </translation>
        </message>
        <message>
            <source>{file}: no problems; {changes}</source>
            <translation>{file}: no problems; {changes}</translation>
        </message>
        <message>
            <source>Select a file in the list above: the records importing it would add, change or replace are listed here.</source>
            <translation>Select a file in the list above: the records importing it would add, change or replace are listed here.</translation>
        </message>
        <message>
            <source>{file} is being checked; what importing it would change is listed here when the check ends.</source>
            <translation>{file} is being checked; what importing it would change is listed here when the check ends.</translation>
        </message>
        <message>
            <source>{file} has not been checked. Check it, and what importing it would change is listed here.</source>
            <translation>{file} has not been checked. Check it, and what importing it would change is listed here.</translation>
        </message>
        <message>
            <source>{file} needs its unit and period before it can be checked; then what importing it would change is listed here.</source>
            <translation>{file} needs its unit and period before it can be checked; then what importing it would change is listed here.</translation>
        </message>
        <message>
            <source>{file} changes nothing while it has problems (see the Problems tab). Fix them in the file and check it again: its changes are then listed here.</source>
            <translation>{file} changes nothing while it has problems (see the Problems tab). Fix them in the file and check it again: its changes are then listed here.</translation>
        </message>
        <message>
            <source>{file} was imported before: importing it again changes nothing.</source>
            <translation>{file} was imported before: importing it again changes nothing.</translation>
        </message>
        <message>
            <source>{file} is imported; it changed nothing.</source>
            <translation>{file} is imported; it changed nothing.</translation>
        </message>
        <message>
            <source>{file} changes nothing: everything in it is already recorded as it stands.</source>
            <translation>{file} changes nothing: everything in it is already recorded as it stands.</translation>
        </message>
        <message numerus="yes">
            <source>%n template(s) written to {folder}</source>
            <translation>
                <numerusform>%n template written to {folder}</numerusform>
                <numerusform>%n templates written to {folder}</numerusform>
            </translation>
        </message>
        <message>
            <source>{file}: this very file was imported before; importing it again changes nothing.</source>
            <translation>{file}: this very file was imported before; importing it again changes nothing.</translation>
        </message>
        <message>
            <source>{file}: not checked — its check was cancelled. Press Check again to check it.</source>
            <translation>{file}: not checked — its check was cancelled. Press Check again to check it.</translation>
        </message>
        <message numerus="yes">
            <source>{file}: %n problem(s) — nothing from this file is imported until they are fixed in the file and it is checked again.</source>
            <translation>
                <numerusform>{file}: %n problem — nothing from this file is imported until they are fixed in the file and it is checked again.</numerusform>
                <numerusform>{file}: %n problems — nothing from this file is imported until they are fixed in the file and it is checked again.</numerusform>
            </translation>
        </message>
        <message>
            <source>{file}: imported.</source>
            <translation>{file}: imported.</translation>
        </message>
        <message>
            <source>Import ({count})</source>
            <translation>Import ({count})</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Add returns</source>
            <translation>Add returns</translation>
        </message>
        <message>
            <source>Excel returns (*.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
            <translation>Excel returns (*.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
        </message>
        <message>
            <source>Writing templates</source>
            <translation>Writing templates</translation>
        </message>
    </context>
    <context>
        <name>Roles</name>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Head-office secretary</source>
            <translation>Head-office secretary</translation>
        </message>
        <message>
            <source>Branch secretary</source>
            <translation>Branch secretary</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>Read-only</translation>
        </message>
    </context>
    <context>
        <name>SettingsForm</name>
        <message>
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>Local database file (SQLite) — one workstation, nothing to set up</source>
            <translation>Local database file (SQLite) — one workstation, nothing to set up</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>File:</translation>
        </message>
        <message>
            <source>Default: qsm.db in your user data folder</source>
            <translation>Default: qsm.db in your user data folder</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>Shared database server (PostgreSQL) — several workstations</source>
            <translation>Shared database server (PostgreSQL) — several workstations</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>Server:</translation>
        </message>
        <message>
            <source>host name or address</source>
            <translation>host name or address</translation>
        </message>
        <message>
            <source>Port:</source>
            <translation>Port:</translation>
        </message>
        <message>
            <source>Database name:</source>
            <translation>Database name:</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>User:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>A new database is used from the next start of QSM Desktop.</source>
            <translation>A new database is used from the next start of QSM Desktop.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Interface language:</source>
            <translation>Interface language:</translation>
        </message>
        <message>
            <source>Folders</source>
            <translation>Folders</translation>
        </message>
        <message>
            <source>Returns to import:</source>
            <translation>Returns to import:</translation>
        </message>
        <message>
            <source>Exports:</source>
            <translation>Exports:</translation>
        </message>
        <message>
            <source>Templates:</source>
            <translation>Templates:</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Database file</source>
            <translation>Database file</translation>
        </message>
        <message>
            <source>SQLite database (*.db *.sqlite);;All files (*)</source>
            <translation>SQLite database (*.db *.sqlite);;All files (*)</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Testing the connection</source>
            <translation>Testing the connection</translation>
        </message>
        <message>
            <source>The test failed.</source>
            <translation>The test failed.</translation>
        </message>
        <message>
            <source>New database</source>
            <translation>New database</translation>
        </message>
        <message>
            <source>The file {path} does not exist. Start a new, empty database there?

Choose No to correct the path.</source>
            <translation>The file {path} does not exist. Start a new, empty database there?

Choose No to correct the path.</translation>
        </message>
        <message>
            <source>Not saved: {path} does not exist.</source>
            <translation>Not saved: {path} does not exist.</translation>
        </message>
        <message>
            <source>Creating the database…</source>
            <translation>Creating the database…</translation>
        </message>
        <message>
            <source>Creating the database</source>
            <translation>Creating the database</translation>
        </message>
        <message>
            <source>Saved. No system keyring is available on this computer: the password is kept only until QSM Desktop closes and will be asked for again.</source>
            <translation>Saved. No system keyring is available on this computer: the password is kept only until QSM Desktop closes and will be asked for again.</translation>
        </message>
        <message>
            <source>Saved. The password is kept in the system keyring, not in the settings file.</source>
            <translation>Saved. The password is kept in the system keyring, not in the settings file.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Choose a folder</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Database, language and folders of this workstation</source>
            <translation>Database, language and folders of this workstation</translation>
        </message>
        <message>
            <source>No system keyring is available on this computer: a password is kept only until QSM Desktop closes. It is never written to the settings file.</source>
            <translation>No system keyring is available on this computer: a password is kept only until QSM Desktop closes. It is never written to the settings file.</translation>
        </message>
        <message>
            <source>A password for this server is kept in the system keyring. Type a new one to replace it.</source>
            <translation>A password for this server is kept in the system keyring. Type a new one to replace it.</translation>
        </message>
        <message>
            <source>The password is kept in the system keyring, never in the settings file.</source>
            <translation>The password is kept in the system keyring, never in the settings file.</translation>
        </message>
        <message>
            <source>Settings file: {path}</source>
            <translation>Settings file: {path}</translation>
        </message>
    </context>
    <context>
        <name>ShowcaseApplicationsTab</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>Outlet</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>Branch</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Score sheets</source>
            <translation>Score sheets</translation>
        </message>
        <message>
            <source>Registers</source>
            <translation>Registers</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>No application passes the filters: widen the branch or status filter.</source>
            <translation>No application passes the filters: widen the branch or status filter.</translation>
        </message>
        <message>
            <source>No applications yet: import the outlets' showcase application forms on the Returns page.</source>
            <translation>No applications yet: import the outlets' showcase application forms on the Returns page.</translation>
        </message>
        <message>
            <source>Open the Returns page</source>
            <translation>Open the Returns page</translation>
        </message>
        <message>
            <source>Declared figures differ from the registers</source>
            <translation>Declared figures differ from the registers</translation>
        </message>
        <message>
            <source>revoked</source>
            <translation>revoked</translation>
        </message>
        <message>
            <source>Past awards</source>
            <translation>Past awards</translation>
        </message>
        <message>
            <source>Titles won outside</source>
            <translation>Titles won outside</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <source>Missing: {names}</source>
            <translation>Missing: {names}</translation>
        </message>
        <message>
            <source>(register: {value})</source>
            <translation>(register: {value})</translation>
        </message>
        <message>
            <source>Add attachment</source>
            <translation>Add attachment</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>Which required document is it?</source>
            <translation>Which required document is it?</translation>
        </message>
        <message>
            <source>(other)</source>
            <translation>(other)</translation>
        </message>
        <message>
            <source>Title won outside</source>
            <translation>Title won outside</translation>
        </message>
        <message>
            <source>Official name of the title (as announced):</source>
            <translation>Official name of the title (as announced):</translation>
        </message>
        <message>
            <source>Date announced (2007-12-31):</source>
            <translation>Date announced (2007-12-31):</translation>
        </message>
        <message>
            <source>“{text}” is not a date.</source>
            <translation>“{text}” is not a date.</translation>
        </message>
        <message>
            <source>It counts as level:</source>
            <translation>It counts as level:</translation>
        </message>
        <message>
            <source>Level:</source>
            <translation>Level:</translation>
        </message>
        <message>
            <source>Branch:</source>
            <translation>Branch:</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Add attachment…</source>
            <translation>Add attachment…</translation>
        </message>
        <message>
            <source>Record a title won outside…</source>
            <translation>Record a title won outside…</translation>
        </message>
        <message>
            <source>Submit</source>
            <translation>Submit</translation>
        </message>
        <message>
            <source>Recommend (branch)</source>
            <translation>Recommend (branch)</translation>
        </message>
        <message>
            <source>Start review</source>
            <translation>Start review</translation>
        </message>
        <message>
            <source>Not awarded</source>
            <translation>Not awarded</translation>
        </message>
        <message>
            <source>Withdraw</source>
            <translation>Withdraw</translation>
        </message>
        <message>
            <source>Return for changes</source>
            <translation>Return for changes</translation>
        </message>
        <message>
            <source>Nominate to next level</source>
            <translation>Nominate to next level</translation>
        </message>
    </context>
    <context>
        <name>ShowcaseAwardsTab</name>
        <message>
            <source>Certificate number</source>
            <translation>Certificate number</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>Outlet</translation>
        </message>
        <message>
            <source>Awarded</source>
            <translation>Awarded</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Re-inspection due</source>
            <translation>Re-inspection due</translation>
        </message>
        <message>
            <source>Prints</source>
            <translation>Prints</translation>
        </message>
        <message>
            <source>Revoked {date}: {reason}</source>
            <translation>Revoked {date}: {reason}</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>Valid</translation>
        </message>
        <message>
            <source>Held on {date}: national level {national} (plan target {target}) · head-office level {head} · branch level {branch}</source>
            <translation>Held on {date}: national level {national} (plan target {target}) · head-office level {head} · branch level {branch}</translation>
        </message>
        <message>
            <source>No award cycle yet: import showcase application forms on the Returns page.</source>
            <translation>No award cycle yet: import showcase application forms on the Returns page.</translation>
        </message>
        <message>
            <source>No awards yet in this cycle: the committee awards it on the Ranking tab, within the quota.</source>
            <translation>No awards yet in this cycle: the committee awards it on the Ranking tab, within the quota.</translation>
        </message>
        <message>
            <source>Go to the ranking</source>
            <translation>Go to the ranking</translation>
        </message>
        <message>
            <source>Your role does not award a cycle.</source>
            <translation>Your role does not award a cycle.</translation>
        </message>
        <message>
            <source>No award to print yet: award the cycle on the Ranking tab first.</source>
            <translation>No award to print yet: award the cycle on the Ranking tab first.</translation>
        </message>
        <message>
            <source>Select an award to print its certificate.</source>
            <translation>Select an award to print its certificate.</translation>
        </message>
        <message>
            <source>Print the selected certificate</source>
            <translation>Print the selected certificate</translation>
        </message>
        <message>
            <source>Save every certificate of the cycle as one PDF</source>
            <translation>Save every certificate of the cycle as one PDF</translation>
        </message>
        <message>
            <source>No award to revoke.</source>
            <translation>No award to revoke.</translation>
        </message>
        <message>
            <source>Select a valid award to revoke it.</source>
            <translation>Select a valid award to revoke it.</translation>
        </message>
        <message>
            <source>Revoke the selected award (its number is kept)</source>
            <translation>Revoke the selected award (its number is kept)</translation>
        </message>
        <message>
            <source>Save certificates</source>
            <translation>Save certificates</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Printing certificates</source>
            <translation>Printing certificates</translation>
        </message>
        <message>
            <source>Revoke {number}</source>
            <translation>Revoke {number}</translation>
        </message>
        <message>
            <source>Reason (the number is kept and never reused):</source>
            <translation>Reason (the number is kept and never reused):</translation>
        </message>
        <message>
            <source>Export the awards register</source>
            <translation>Export the awards register</translation>
        </message>
        <message>
            <source>Excel (*.xlsx)</source>
            <translation>Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Verify a certificate:</source>
            <translation>Verify a certificate:</translation>
        </message>
        <message>
            <source>certificate number or scanned QR text</source>
            <translation>certificate number or scanned QR text</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>Verify</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <source>Revoke…</source>
            <translation>Revoke…</translation>
        </message>
        <message>
            <source>Export register…</source>
            <translation>Export register…</translation>
        </message>
    </context>
    <context>
        <name>ShowcasePage</name>
        <message>
            <source>Score sheets</source>
            <translation>Score sheets</translation>
        </message>
        <message>
            <source>Showcase units</source>
            <translation>Showcase units</translation>
        </message>
        <message>
            <source>Award cycles, applications, on-site score sheets, ranking within the quota, awards and certificates</source>
            <translation>Award cycles, applications, on-site score sheets, ranking within the quota, awards and certificates</translation>
        </message>
        <message>
            <source>Award cycle:</source>
            <translation>Award cycle:</translation>
        </message>
        <message>
            <source>Edit cycle…</source>
            <translation>Edit cycle…</translation>
        </message>
        <message>
            <source>Applications</source>
            <translation>Applications</translation>
        </message>
        <message>
            <source>Ranking</source>
            <translation>Ranking</translation>
        </message>
        <message>
            <source>Awards and certificates</source>
            <translation>Awards and certificates</translation>
        </message>
        <message>
            <source>No award cycle yet: import showcase application forms on the Returns page.</source>
            <translation>No award cycle yet: import showcase application forms on the Returns page.</translation>
        </message>
        <message>
            <source>{title} · announced {announced} · quota {quota} · sheet {sheet} ({points} points) · {apps} · {sheets} · panel of {panel}</source>
            <translation>{title} · announced {announced} · quota {quota} · sheet {sheet} ({points} points) · {apps} · {sheets} · panel of {panel}</translation>
        </message>
        <message numerus="yes">
            <source>%n application(s)</source>
            <translation>
                <numerusform>%n application</numerusform>
                <numerusform>%n applications</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sheet(s)</source>
            <translation>
                <numerusform>%n sheet</numerusform>
                <numerusform>%n sheets</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShowcaseRankingTab</name>
        <message>
            <source>Rank</source>
            <translation>Rank</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>Outlet</translation>
        </message>
        <message>
            <source>Final score</source>
            <translation>Final score</translation>
        </message>
        <message>
            <source>Valid sheets</source>
            <translation>Valid sheets</translation>
        </message>
        <message>
            <source>Excluded (conflict)</source>
            <translation>Excluded (conflict)</translation>
        </message>
        <message>
            <source>Quota line</source>
            <translation>Quota line</translation>
        </message>
        <message>
            <source>Flagged reviewers</source>
            <translation>Flagged reviewers</translation>
        </message>
        <message>
            <source>Declared vs registers</source>
            <translation>Declared vs registers</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <source>Reviewer's unit</source>
            <translation>Reviewer's unit</translation>
        </message>
        <message>
            <source>Scored</source>
            <translation>Scored</translation>
        </message>
        <message>
            <source>To score</source>
            <translation>To score</translation>
        </message>
        <message>
            <source>Conflicted</source>
            <translation>Conflicted</translation>
        </message>
        <message>
            <source>Flagged far from the panel</source>
            <translation>Flagged far from the panel</translation>
        </message>
        <message>
            <source>Within quota</source>
            <translation>Within quota</translation>
        </message>
        <message>
            <source>Tied at the line</source>
            <translation>Tied at the line</translation>
        </message>
        <message>
            <source>Outside</source>
            <translation>Outside</translation>
        </message>
        <message>
            <source>No valid sheet</source>
            <translation>No valid sheet</translation>
        </message>
        <message>
            <source>Award the top {n}…</source>
            <translation>Award the top {n}…</translation>
        </message>
        <message numerus="yes">
            <source>Tie at the quota line: {names} share a rank for %n place(s). The committee decides; it is never broken silently.</source>
            <translation>
                <numerusform>Tie at the quota line: {names} share a rank for %n place. The committee decides; it is never broken silently.</numerusform>
                <numerusform>Tie at the quota line: {names} share a rank for %n places. The committee decides; it is never broken silently.</numerusform>
            </translation>
        </message>
        <message>
            <source>Decided on {date}.</source>
            <translation>Decided on {date}.</translation>
        </message>
        <message>
            <source>No tie at the quota line.</source>
            <translation>No tie at the quota line.</translation>
        </message>
        <message>
            <source>Tie at the quota line</source>
            <translation>Tie at the quota line</translation>
        </message>
        <message>
            <source>The committee's choice for a remaining place:</source>
            <translation>The committee's choice for a remaining place:</translation>
        </message>
        <message>
            <source>Quota:</source>
            <translation>Quota:</translation>
        </message>
        <message>
            <source>Decision date:</source>
            <translation>Decision date:</translation>
        </message>
        <message>
            <source>Meeting ref.:</source>
            <translation>Meeting ref.:</translation>
        </message>
        <message>
            <source>e.g. SQC [2007] No. 5</source>
            <translation>e.g. SQC [2007] No. 5</translation>
        </message>
    </context>
    <context>
        <name>ShowcaseSheetsTab</name>
        <message>
            <source>Reviewer</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <source>Reviewer's unit</source>
            <translation>Reviewer's unit</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Counted</translation>
        </message>
        <message>
            <source>Deductions without reason</source>
            <translation>Deductions without reason</translation>
        </message>
        <message>
            <source>Excluded: conflict of interest</source>
            <translation>Excluded: conflict of interest</translation>
        </message>
        <message>
            <source>Dropped (highest)</source>
            <translation>Dropped (highest)</translation>
        </message>
        <message>
            <source>Dropped (lowest)</source>
            <translation>Dropped (lowest)</translation>
        </message>
        <message>
            <source>far from the panel ({z:+.1f} SD)</source>
            <translation>far from the panel ({z:+.1f} SD)</translation>
        </message>
        <message>
            <source>“{item}”: points deducted without a reason</source>
            <translation>“{item}”: points deducted without a reason</translation>
        </message>
        <message>
            <source>Total: {total}</source>
            <translation>Total: {total}</translation>
        </message>
        <message>
            <source>You are not on a review panel yet: ask the head-office secretary to add you.</source>
            <translation>You are not on a review panel yet: ask the head-office secretary to add you.</translation>
        </message>
        <message>
            <source>No application of this cycle is assigned to you.</source>
            <translation>No application of this cycle is assigned to you.</translation>
        </message>
        <message>
            <source>A score cannot exceed the item's points ({points}).</source>
            <translation>A score cannot exceed the item's points ({points}).</translation>
        </message>
        <message>
            <source>A score cannot be negative.</source>
            <translation>A score cannot be negative.</translation>
        </message>
        <message>
            <source>“{text}” is not a number.</source>
            <translation>“{text}” is not a number.</translation>
        </message>
        <message>
            <source>Sheet saved with warnings</source>
            <translation>Sheet saved with warnings</translation>
        </message>
        <message>
            <source>Application:</source>
            <translation>Application:</translation>
        </message>
        <message>
            <source>Score grid (a score above the item's points is refused)</source>
            <translation>Score grid (a score above the item's points is refused)</translation>
        </message>
        <message>
            <source>Reviewer:</source>
            <translation>Reviewer:</translation>
        </message>
        <message>
            <source>Reviewer's org code:</source>
            <translation>Reviewer's org code:</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Reason for deduction</source>
            <translation>Reason for deduction</translation>
        </message>
        <message>
            <source>Save sheet</source>
            <translation>Save sheet</translation>
        </message>
    </context>
    <context>
        <name>ShowcaseTerms</name>
        <message>
            <source>head-office level</source>
            <translation>head-office level</translation>
        </message>
        <message>
            <source>branch level</source>
            <translation>branch level</translation>
        </message>
        <message>
            <source>national level</source>
            <translation>national level</translation>
        </message>
        <message>
            <source>Staff in post</source>
            <translation>Staff in post</translation>
        </message>
        <message>
            <source>Certified staff</source>
            <translation>Certified staff</translation>
        </message>
        <message>
            <source>Lobby managers</source>
            <translation>Lobby managers</translation>
        </message>
        <message>
            <source>Valid complaints in the year</source>
            <translation>Valid complaints in the year</translation>
        </message>
        <message>
            <source>Mystery shopper average</source>
            <translation>Mystery shopper average</translation>
        </message>
        <message>
            <source>Customer satisfaction</source>
            <translation>Customer satisfaction</translation>
        </message>
        <message>
            <source>Outlet manager</source>
            <translation>Outlet manager</translation>
        </message>
        <message>
            <source>Telephone</source>
            <translation>Telephone</translation>
        </message>
        <message>
            <source>Honours in the last three years</source>
            <translation>Honours in the last three years</translation>
        </message>
        <message>
            <source>Summary of the work</source>
            <translation>Summary of the work</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>QSM Desktop</source>
            <translation>QSM Desktop</translation>
        </message>
        <message>
            <source>Open the local database instead</source>
            <translation>Open the local database instead</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>You can choose another database on the Settings page afterwards.</source>
            <translation>You can choose another database on the Settings page afterwards.</translation>
        </message>
        <message>
            <source>Screenshots failed: {error}</source>
            <translation>Screenshots failed: {error}</translation>
        </message>
        <message>
            <source>This database has logins, so --screenshot cannot open it without one. Take screenshots of a database without accounts, e.g. with --demo.</source>
            <translation>This database has logins, so --screenshot cannot open it without one. Take screenshots of a database without accounts, e.g. with --demo.</translation>
        </message>
    </context>
    <context>
        <name>SystemEditorPanel</name>
        <message>
            <source>English name:</source>
            <translation>English name:</translation>
        </message>
        <message>
            <source>English name</source>
            <translation>English name</translation>
        </message>
    </context>
    <context>
        <name>SystemTreePanel</name>
        <message>
            <source>Add indicator</source>
            <translation>Add indicator</translation>
        </message>
        <message>
            <source>Remove indicator</source>
            <translation>Remove indicator</translation>
        </message>
        <message>
            <source>Category / indicator</source>
            <translation>Category / indicator</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>The weights must add up to 100 (now {total})</source>
            <translation>The weights must add up to 100 (now {total})</translation>
        </message>
    </context>
    <context>
        <name>Tables</name>
        <message>
            <source>Show all columns</source>
            <translation>Show all columns</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <source>Export templates</source>
            <translation>Export templates</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>Return:</source>
            <translation>Return:</translation>
        </message>
        <message>
            <source>Period:</source>
            <translation>Period:</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>Units (one file each):</source>
            <translation>Units (one file each):</translation>
        </message>
        <message>
            <source>Folder for the templates</source>
            <translation>Folder for the templates</translation>
        </message>
    </context>
    <context>
        <name>TrainingPage</name>
        <message>
            <source>Service awareness</source>
            <translation>Service awareness</translation>
        </message>
        <message>
            <source>Service norms</source>
            <translation>Service norms</translation>
        </message>
        <message>
            <source>Marketing skills</source>
            <translation>Marketing skills</translation>
        </message>
        <message>
            <source>Post skills</source>
            <translation>Post skills</translation>
        </message>
        <message>
            <source>New business</source>
            <translation>New business</translation>
        </message>
        <message>
            <source>Certification training</source>
            <translation>Certification training</translation>
        </message>
        <message>
            <source>Internal</source>
            <translation>Internal</translation>
        </message>
        <message>
            <source>External</source>
            <translation>External</translation>
        </message>
        <message>
            <source>{attended} of {staff} staff</source>
            <translation>{attended} of {staff} staff</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>C03 coverage</source>
            <translation>C03 coverage</translation>
        </message>
        <message>
            <source>{attended} of {staff} staff attended a service-awareness or service-norms course</source>
            <translation>{attended} of {staff} staff attended a service-awareness or service-norms course</translation>
        </message>
        <message>
            <source>Hours per head</source>
            <translation>Hours per head</translation>
        </message>
        <message>
            <source>Pass rate</source>
            <translation>Pass rate</translation>
        </message>
        <message>
            <source>Satisfaction</source>
            <translation>Satisfaction</translation>
        </message>
        <message>
            <source>{certified} of {at_risk} attendees not certified at the start were certified by {until}; {others_certified} of {others} same-post staff who did not attend</source>
            <translation>{certified} of {at_risk} attendees not certified at the start were certified by {until}; {others_certified} of {others} same-post staff who did not attend</translation>
        </message>
        <message>
            <source>Course</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Dates</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>Provider</translation>
        </message>
        <message>
            <source>Attendees</source>
            <translation>Attendees</translation>
        </message>
        <message>
            <source>Mean score</source>
            <translation>Mean score</translation>
        </message>
        <message>
            <source>Certified in 180 days</source>
            <translation>Certified in 180 days</translation>
        </message>
        <message>
            <source>Not trained, same posts</source>
            <translation>Not trained, same posts</translation>
        </message>
        <message>
            <source>Difference (points)</source>
            <translation>Difference (points)</translation>
        </message>
        <message>
            <source>Employee no.</source>
            <translation>Employee no.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>As of:</source>
            <translation>As of:</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Edit course…</source>
            <translation>Edit course…</translation>
        </message>
        <message>
            <source>Staff on the roster</source>
            <translation>Staff on the roster</translation>
        </message>
        <message>
            <source>Service-norms coverage (C03)</source>
            <translation>Service-norms coverage (C03)</translation>
        </message>
        <message>
            <source>Trained on any course</source>
            <translation>Trained on any course</translation>
        </message>
        <message>
            <source>Training hours per head</source>
            <translation>Training hours per head</translation>
        </message>
        <message>
            <source>Exam pass rate</source>
            <translation>Exam pass rate</translation>
        </message>
        <message>
            <source>Mean satisfaction (1–5)</source>
            <translation>Mean satisfaction (1–5)</translation>
        </message>
        <message>
            <source>Share of the staff on the roster who attended a service-awareness or service-norms course this year (indicator C03)</source>
            <translation>Share of the staff on the roster who attended a service-awareness or service-norms course this year (indicator C03)</translation>
        </message>
        <message>
            <source>Coverage by unit</source>
            <translation>Coverage by unit</translation>
        </message>
        <message>
            <source>Courses and effect</source>
            <translation>Courses and effect</translation>
        </message>
        <message>
            <source>Reaction: mean satisfaction (1–5). Learning: mean exam score and pass rate. Effect of certification training: share of attendees not yet certified who were certified within 180 days after the course, against staff of the same posts who did not attend.</source>
            <translation>Reaction: mean satisfaction (1–5). Learning: mean exam score and pass rate. Effect of certification training: share of attendees not yet certified who were certified within 180 days after the course, against staff of the same posts who did not attend.</translation>
        </message>
        <message>
            <source>Courses ended {start} – {end}; staff on the roster on {end}</source>
            <translation>Courses ended {start} – {end}; staff on the roster on {end}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln person(s) on the roster attended no {categories} course this year (the staff C03 does not count)</source>
            <translation>
                <numerusform>%Ln person on the roster attended no {categories} course this year (the staff C03 does not count)</numerusform>
                <numerusform>%Ln people on the roster attended no {categories} course this year (the staff C03 does not count)</numerusform>
            </translation>
        </message>
        <message>
            <source>(the first {shown} are listed; the export has all)</source>
            <translation>(the first {shown} are listed; the export has all)</translation>
        </message>
        <message>
            <source>Any course</source>
            <translation>Any course</translation>
        </message>
        <message>
            <source>No staff on the roster in this unit</source>
            <translation>No staff on the roster in this unit</translation>
        </message>
        <message>
            <source>Same posts, not trained</source>
            <translation>Same posts, not trained</translation>
        </message>
        <message>
            <source>Course attendees</source>
            <translation>Course attendees</translation>
        </message>
        <message>
            <source>No certification training in this period</source>
            <translation>No certification training in this period</translation>
        </message>
        <message>
            <source>Window open
until {date}</source>
            <translation>Window open
until {date}</translation>
        </message>
        <message>
            <source>Certification training: certified within {days} days after the course</source>
            <translation>Certification training: certified within {days} days after the course</translation>
        </message>
        <message>
            <source>{unit} — coverage by training category</source>
            <translation>{unit} — coverage by training category</translation>
        </message>
        <message>
            <source>{unit} — coverage of the subunits ({categories} / any course)</source>
            <translation>{unit} — coverage of the subunits ({categories} / any course)</translation>
        </message>
        <message>
            <source>Saving the course</source>
            <translation>Saving the course</translation>
        </message>
        <message>
            <source>training_{unit}_{date}.xlsx</source>
            <translation>training_{unit}_{date}.xlsx</translation>
        </message>
        <message>
            <source>Export the training figures</source>
            <translation>Export the training figures</translation>
        </message>
        <message>
            <source>The 180-day window runs until {date}; the effect is stated once it has closed</source>
            <translation>The 180-day window runs until {date}; the effect is stated once it has closed</translation>
        </message>
        <message>
            <source>Not covered by C03</source>
            <translation>Not covered by C03</translation>
        </message>
        <message>
            <source> or </source>
            <translation> or </translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Exporting the training figures</source>
            <translation>Exporting the training figures</translation>
        </message>
    </context>
    <context>
        <name>UnitSelector</name>
        <message>
            <source>Choose the unit (branch, sub-branch, outlet) every page shows</source>
            <translation>Choose the unit (branch, sub-branch, outlet) every page shows</translation>
        </message>
        <message>
            <source>Search by code or name</source>
            <translation>Search by code or name</translation>
        </message>
    </context>
    <context>
        <name>ValueDialog</name>
        <message>
            <source>Enter a value</source>
            <translation>Enter a value</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>Unit:</translation>
        </message>
        <message>
            <source>Indicator:</source>
            <translation>Indicator:</translation>
        </message>
        <message>
            <source>e.g. 97, 0.97 or 97%</source>
            <translation>e.g. 97, 0.97 or 97%</translation>
        </message>
        <message>
            <source>Value:</source>
            <translation>Value:</translation>
        </message>
        <message>
            <source>Why the value is entered by hand</source>
            <translation>Why the value is entered by hand</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Reason:</translation>
        </message>
    </context>
</TS>
