<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Choose a unit…</source>
        <translation>选择机构…</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>The unit whose subtree this login works in</source>
        <translation>此账户可处理其下属范围数据的机构</translation>
    </message>
    <message>
        <source>A branch secretary needs an org unit: choose her branch.</source>
        <translation>分行秘书必须指定所属机构：请选择其分行。</translation>
    </message>
    <message>
        <source>Org unit:</source>
        <translation>所属机构：</translation>
    </message>
    <message>
        <source>Org unit (optional):</source>
        <translation>所属机构（可选）：</translation>
    </message>
    <message>
        <source>Add a login</source>
        <translation>新增登录账户</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>lower-case letters, digits, _ (e.g. wang_li)</source>
        <translation>小写字母、数字或下划线（如 wang_li）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>the person&apos;s name</source>
        <translation>使用人姓名</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不指定</translation>
    </message>
    <message>
        <source>No org unit (the whole bank)</source>
        <translation>不指定机构（全行）</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>再输入一次：</translation>
    </message>
</context>
<context>
    <name>ActionTables</name>
    <message>
        <source>Number</source>
        <translation>整改编号</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分行</translation>
    </message>
    <message>
        <source>From</source>
        <translation>项目/投诉</translation>
    </message>
    <message>
        <source>Raised for</source>
        <translation>所属季度</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>计划完成日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>实际完成</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>验证日期</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>验证结果有效</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>On-time rate %</source>
        <translation>按期完成率%</translation>
    </message>
</context>
<context>
    <name>ActionVerifyDialog</name>
    <message>
        <source>{number} · {unit} · {type} · due {due}
{description}
Completed on {completed}: {measures}</source>
        <translation>{number} · {unit} · {type} · 计划完成 {due}
{description}
实际完成 {completed}：{measures}</translation>
    </message>
    <message>
        <source>Verify the action</source>
        <translation>验证整改</translation>
    </message>
    <message>
        <source>Result of the verification</source>
        <translation>验证结果</translation>
    </message>
    <message>
        <source>Effective: close the action</source>
        <translation>有效：关闭该整改</translation>
    </message>
    <message>
        <source>Ineffective: back to the branch to correct</source>
        <translation>无效：退回分行重新整改</translation>
    </message>
    <message>
        <source>Verified on:</source>
        <translation>验证日期：</translation>
    </message>
</context>
<context>
    <name>ActionsPage</name>
    <message>
        <source>Corrective and preventive actions</source>
        <translation>纠正预防措施</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>全部分行</translation>
    </message>
    <message>
        <source>No action matches the filter: clear a filter to see the others.</source>
        <translation>没有符合筛选条件的整改措施；取消某个筛选条件可看到其他整改。</translation>
    </message>
    <message>
        <source>No corrective or preventive action yet: they are raised when the head office finalises a quarter on the Mystery visits page (after the agency&apos;s 暗访结果 and the branches&apos; complaint registers are imported).</source>
        <translation>还没有纠正预防措施：导入暗访机构的暗访结果和各分行的投诉登记后，总行在“神秘访客”页面定稿季度时下达整改。</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>Open the Mystery visits page</source>
        <translation>打开“神秘访客”页</translation>
    </message>
    <message>
        <source>As of {date}: due = due date on or before it; on time = verified effective by then and completed by its due date; overdue = due and not on time; open = not closed. On-time rate = on time ÷ due.</source>
        <translation>截至 {date}：到期 = 计划完成日期不晚于该日；按期 = 到期、该日前验证有效且实际完成日期不晚于计划完成日期；逾期 = 到期但未按期；未关闭 = 尚未关闭。按期完成率 = 按期 ÷ 到期。</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) listed. Select one to see the branch&apos;s feedback.</source>
        <translation>
            <numerusform>共 %n 项整改。选中一项可查看分行的整改反馈。</numerusform>
        </translation>
    </message>
    <message>
        <source>From: {what}</source>
        <translation>来源：{what}</translation>
    </message>
    <message>
        <source>Measures: {measures} · responsible: {who} · completed: {completed} · result: {result}</source>
        <translation>整改措施：{measures} · 责任人：{who} · 实际完成：{completed} · 整改结果：{result}</translation>
    </message>
    <message>
        <source>Verified on {date} by {who}: {effective}</source>
        <translation>{date} 由 {who} 验证：{effective}</translation>
    </message>
    <message>
        <source>effective</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>ineffective</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Only the head office verifies actions.</source>
        <translation>整改由总行验证。</translation>
    </message>
    <message>
        <source>Select an action awaiting verification.</source>
        <translation>请选择一项待验证的整改。</translation>
    </message>
    <message>
        <source>Only an action awaiting verification (the branch reported it completed) can be verified; this one is {status}.</source>
        <translation>只有“待验证”（分行已反馈完成）的整改才能验证；该整改当前为“{status}”。</translation>
    </message>
    <message>
        <source>Record the head office&apos;s verification of the selected action.</source>
        <translation>登记总行对所选整改的验证结果。</translation>
    </message>
    <message>
        <source>Choose a branch first: the template lists that branch&apos;s open actions.</source>
        <translation>请先选择分行：反馈模板列出该分行未关闭的整改。</translation>
    </message>
    <message>
        <source>Choose a quarter as the window&apos;s period.</source>
        <translation>请在窗口顶部选择一个季度作为报告期。</translation>
    </message>
    <message>
        <source>Write the branch&apos;s 整改反馈 return, pre-filled with its open actions, for {period}.</source>
        <translation>生成该分行{period}的整改反馈表，预填其未关闭的整改。</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>没有可导出的内容。</translation>
    </message>
    <message>
        <source>Write the table on screen to an Excel workbook.</source>
        <translation>把屏幕上的表格导出为 Excel 工作簿。</translation>
    </message>
    <message>
        <source>Verifying {number}</source>
        <translation>正在验证 {number}</translation>
    </message>
    <message>
        <source>Template written: {file}</source>
        <translation>模板已生成：{file}</translation>
    </message>
    <message>
        <source>Writing the template</source>
        <translation>正在生成模板</translation>
    </message>
    <message>
        <source>Actions on time</source>
        <translation>整改按期完成情况</translation>
    </message>
    <message>
        <source>{what} — {unit}, as of {date}</source>
        <translation>{what} — {unit}，截至 {date}</translation>
    </message>
    <message>
        <source>Exporting the table</source>
        <translation>正在导出表格</translation>
    </message>
    <message>
        <source>Save the feedback template</source>
        <translation>保存整改反馈模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>actions_{unit}_{date}.xlsx</source>
        <translation>整改措施_{unit}_{date}.xlsx</translation>
    </message>
</context>
<context>
    <name>AdministrationPage</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Logins of this database: who may sign in, with which role and for which unit</source>
        <translation>本数据库的登录账户：谁可以登录、担任什么角色、负责哪个机构</translation>
    </message>
    <message>
        <source>Add a login…</source>
        <translation>新增账户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message numerus="yes">
        <source>%n login(s), {active} active</source>
        <translation>
            <numerusform>共 %n 个账户，{active} 个启用</numerusform>
        </translation>
    </message>
    <message>
        <source>No logins yet: whoever opens this database works as the local administrator. Add the first login so that people sign in with their own role and unit.</source>
        <translation>尚无登录账户：任何人打开本数据库都以本机管理员身份工作。请添加第一个登录账户，使各人以自己的角色和机构登录。</translation>
    </message>
    <message>
        <source>Only an administrator adds logins.</source>
        <translation>只有管理员可以添加登录账户。</translation>
    </message>
    <message>
        <source>Only an administrator adds, disables and resets logins.</source>
        <translation>只有管理员可以新增、停用账户和重置密码。</translation>
    </message>
    <message>
        <source>Each login is a PostgreSQL login role: disabling it stops the person at the database server, and the database limits what the login sees to its role and unit.</source>
        <translation>每个账户都是 PostgreSQL 的登录角色：停用后数据库服务器将拒绝其连接；数据库按角色和所属机构限制该账户能看到的数据。</translation>
    </message>
    <message>
        <source>Logins are kept in this database file, passwords hashed. Anyone who can copy the file can read all of it: a shared office uses a PostgreSQL server.</source>
        <translation>账户保存在本数据库文件中，密码仅存散列值。任何能复制此文件的人都能读取其全部内容：多人共用请使用 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Adding the login</source>
        <translation>正在新增账户</translation>
    </message>
    <message>
        <source>Saving the login</source>
        <translation>正在保存账户</translation>
    </message>
    <message>
        <source>The password of {login} was changed.</source>
        <translation>已修改 {login} 的密码。</translation>
    </message>
    <message>
        <source>Saving the password</source>
        <translation>正在保存密码</translation>
    </message>
    <message>
        <source>Disable the login {who}? The person can no longer sign in until it is enabled again; what they did stays in the audit trail.</source>
        <translation>停用账户 {who}？停用后此人不能再登录，直到重新启用；其操作记录仍保留在审计日志中。</translation>
    </message>
    <message>
        <source>The database login is disabled too.</source>
        <translation>数据库中的登录角色也将同时停用。</translation>
    </message>
    <message>
        <source>Disable a login</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>AppealDecisionDialog</name>
    <message>
        <source>Visit {visit}, item {item}, outlet {outlet}: {original} of {points} points as delivered.
The branch&apos;s appeal: {reason}{contact}</source>
        <translation>暗访 {visit}，项目 {item}，网点 {outlet}：原得分 {original}，分值 {points}。
分行申诉理由：{reason}{contact}</translation>
    </message>
    <message>
        <source> (contact: {name})</source>
        <translation>（联系人：{name}）</translation>
    </message>
    <message>
        <source>Uphold: the item gets its full {points} points</source>
        <translation>支持申诉：该项目得满分 {points} 分</translation>
    </message>
    <message>
        <source>Decide the appeal</source>
        <translation>裁决申诉</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>Uphold: the item gets its full points</source>
        <translation>支持申诉：该项目得满分</translation>
    </message>
    <message>
        <source>Uphold with the score:</source>
        <translation>支持申诉，给定得分：</translation>
    </message>
    <message>
        <source>Reject: the deduction stands</source>
        <translation>驳回申诉：维持扣分</translation>
    </message>
    <message>
        <source>Reason (needed for a rejection):</source>
        <translation>裁决理由（驳回时必填）：</translation>
    </message>
    <message>
        <source>e.g. 录像显示确有扣分情形</source>
        <translation>如：录像显示确有扣分情形</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <source>Accepted incomplete</source>
        <translation>接受不完整</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Announced on</source>
        <translation>公布日期</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申报</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Approval words</source>
        <translation>审批用语</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>授予</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>称号</translation>
    </message>
    <message>
        <source>Bank-wide</source>
        <translation>全行</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经由</translation>
    </message>
    <message>
        <source>Committee&apos;s choice</source>
        <translation>评审委员会决定</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Excluded (conflict)</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>发证单位</translation>
    </message>
    <message>
        <source>Return kind</source>
        <translation>报表类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Meeting reference</source>
        <translation>会议纪要文号</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>服务模块</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Needs approval</source>
        <translation>需审批</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Number pattern</source>
        <translation>编号格式</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Title won outside</source>
        <translation>外部称号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Re-inspection after (years)</source>
        <translation>复查年限</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>补打次数</translation>
    </message>
    <message>
        <source>Required attachments</source>
        <translation>必备附件</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>撤销日期</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Supersedes</source>
        <translation>替代</translation>
    </message>
    <message>
        <source>Indicator system</source>
        <translation>指标体系</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>称号</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>机构数</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>验证日期</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>暗访</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Application window ends</source>
        <translation>申报截止</translation>
    </message>
    <message>
        <source>Application window starts</source>
        <translation>申报开始</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Who changed what and when, with the values before and after — newest first</source>
        <translation>谁在何时修改了什么，以及修改前后的值——最新的在前</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>The login whose changes to list (empty: everyone&apos;s)</source>
        <translation>只列出此登录名所做的修改（留空：所有人）</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Key contains…</source>
        <translation>编号包含…</translation>
    </message>
    <message>
        <source>Text found in the key: a staff number, a login, a batch number…</source>
        <translation>编号中包含的文字：工号、登录名、批次号…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear every filter</source>
        <translation>清除全部筛选条件</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Fetch the next entries (scrolling to the end does the same)</source>
        <translation>读取更早的记录（滚动到底部也会读取）</translation>
    </message>
    <message>
        <source>All entities</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>The newest {count} entries are shown; scroll down or press More for older ones.</source>
        <translation>显示最新的 {count} 条记录；向下滚动或点“更多”查看更早的记录。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(s).</source>
        <translation>
            <numerusform>共 %Ln 条记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(s) written to {file}</source>
        <translation>
            <numerusform>已将 %Ln 条记录写入 {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>No recorded change matches these filters (person, kind, dates, text).</source>
        <translation>没有符合这些筛选条件（人员、类别、日期、文字）的变更记录。</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>Nothing recorded yet: every import and every change, made in the window or with the qsm command, is listed here.</source>
        <translation>尚无记录：在窗口中或用 qsm 命令进行的每次导入和每项修改都会列在这里。</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>audit_{date}.xlsx</source>
        <translation>审计日志_{date}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Import batch</source>
        <translation>导入批次</translation>
    </message>
    <message>
        <source>Audit trail — exported {date}</source>
        <translation>审计日志（导出于 {date}）</translation>
    </message>
    <message>
        <source>Exporting the audit trail</source>
        <translation>正在导出审计日志</translation>
    </message>
    <message>
        <source>import batch</source>
        <translation>导入批次</translation>
    </message>
    <message>
        <source>A new password was set; passwords are never recorded.</source>
        <translation>设置了新密码；密码本身从不记录。</translation>
    </message>
    <message>
        <source>No fields recorded for this entry.</source>
        <translation>此记录没有字段内容。</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
</context>
<context>
    <name>ChangeTable</name>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ChecklistEditionDialog</name>
    <message>
        <source>A copy of {title}; edit its items, then save.</source>
        <translation>复制自{title}；修改检查项目后保存。</translation>
    </message>
    <message>
        <source>New checklist edition</source>
        <translation>新建检查表版本</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>e.g. 2008版</source>
        <translation>如：2008版</translation>
    </message>
    <message>
        <source>In force from:</source>
        <translation>启用日期：</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>Mystery-visit checklists</source>
        <translation>神秘访客检查表</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>What a mystery visit checks, per module: dimension, points, critical items</source>
        <translation>神秘访客按服务模块检查的项目：维度、分值、关键项</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>服务模块</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>对应规范</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>关键项</translation>
    </message>
    <message>
        <source>What is checked</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>New edition, not saved yet</source>
        <translation>新版本，尚未保存</translation>
    </message>
    <message>
        <source>Editing; not saved yet</source>
        <translation>正在修改，尚未保存</translation>
    </message>
    <message>
        <source>{title} · in force from {date} · {state}</source>
        <translation>{title} · {date} 起启用 · {state}</translation>
    </message>
    <message>
        <source>No checklist yet: the 2007 checklists are seeded when the database is created; add one with New edition…</source>
        <translation>还没有检查表：建库时会载入2007版检查表；也可以用“新建版本…”添加。</translation>
    </message>
    <message numerus="yes">
        <source>used to score %n visit(s) — it cannot change; add a new edition instead</source>
        <translation>
            <numerusform>已用于 %n 次暗访评分——不能修改，请另建新版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{title} was used to score %n visit(s) and cannot change; add a new edition instead.</source>
        <translation>
            <numerusform>{title}已用于 %n 次暗访评分，不能修改；请另建新版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>no visit scored against it yet — it can be edited</source>
        <translation>尚未用于暗访评分——可以修改</translation>
    </message>
    <message>
        <source>In force from {date} · {used}</source>
        <translation>{date} 起启用 · {used}</translation>
    </message>
    <message>
        <source>The items add up to {total} points; they must add up to {expected}.</source>
        <translation>各项目分值合计 {total} 分，应为 {expected} 分。</translation>
    </message>
    <message>
        <source>{module} ({code}) — checks {norm}</source>
        <translation>{module}（{code}）— 检查依据：{norm}</translation>
    </message>
    <message>
        <source>Total {total} of {expected} points</source>
        <translation>合计 {total} 分（应为 {expected} 分）</translation>
    </message>
    <message>
        <source>Only the head office edits the checklists.</source>
        <translation>检查表由总行维护。</translation>
    </message>
    <message>
        <source>Save or discard the changes first.</source>
        <translation>请先保存或放弃当前修改。</translation>
    </message>
    <message>
        <source>No edition to start from.</source>
        <translation>没有可复制的版本。</translation>
    </message>
    <message>
        <source>Copy this edition under a new version and first day in force, then edit it.</source>
        <translation>以新的版本号和启用日期复制本版本，然后修改。</translation>
    </message>
    <message>
        <source>Editing already.</source>
        <translation>正在修改中。</translation>
    </message>
    <message>
        <source>No edition to edit.</source>
        <translation>没有可修改的版本。</translation>
    </message>
    <message>
        <source>Edit this edition&apos;s items (no visit was scored against it).</source>
        <translation>修改本版本的检查项目（尚未用于暗访评分）。</translation>
    </message>
    <message>
        <source>Nothing is being edited.</source>
        <translation>当前没有在修改。</translation>
    </message>
    <message>
        <source>Check and save the edition.</source>
        <translation>检查并保存本版本。</translation>
    </message>
    <message>
        <source>Drop the changes.</source>
        <translation>放弃修改。</translation>
    </message>
    <message>
        <source>Add an item to the selected module.</source>
        <translation>在所选服务模块中添加检查项目。</translation>
    </message>
    <message>
        <source>Select an item first.</source>
        <translation>请先选择一个检查项目。</translation>
    </message>
    <message>
        <source>Remove the selected item.</source>
        <translation>删除所选检查项目。</translation>
    </message>
    <message>
        <source>Edit the items, then save: each module&apos;s points must add up to {n}.</source>
        <translation>修改检查项目后保存：每个服务模块的分值合计须为 {n} 分。</translation>
    </message>
    <message>
        <source>Saved: {title}.</source>
        <translation>已保存：{title}。</translation>
    </message>
    <message>
        <source>Saving the checklist</source>
        <translation>正在保存检查表</translation>
    </message>
</context>
<context>
    <name>ComplaintTables</name>
    <message>
        <source>Code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>From the regulator</source>
        <translation>监管转送</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>On-time rate %</source>
        <translation>及时率%</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Complained about</source>
        <translation>被投诉机构</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限截止</translation>
    </message>
    <message>
        <source>Deadline class</source>
        <translation>处理时限（天）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>登记分行</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>投诉摘要</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Valid complaints</source>
        <translation>有效投诉</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比%</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>累计占比%</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>internal complaints against it</source>
        <translation>针对该部门的内部投诉</translation>
    </message>
    <message>
        <source>customer complaints in its subtree</source>
        <translation>辖内客户投诉</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>{period} · no registers</source>
        <translation>{period} · 无投诉登记</translation>
    </message>
    <message>
        <source>No complaints registered for {period} in this unit: import the branches&apos; complaint registers on the Returns page.</source>
        <translation>本机构{period}还没有投诉登记：请在“报表”页面导入各分行的投诉登记表。</translation>
    </message>
    <message>
        <source>Open the Returns page</source>
        <translation>打开“报表”页</translation>
    </message>
    <message>
        <source>Your role does not import returns.</source>
        <translation>您的角色不能导入报表。</translation>
    </message>
    <message>
        <source>{valid} valid customer complaints · {overdue} overdue on {date}</source>
        <translation>有效客户投诉 {valid} 件 · 截至 {date} 逾期 {overdue} 件</translation>
    </message>
    <message>
        <source>As of {date}. On time = valid, closed within its deadline class; overdue = closed late or open past the deadline; pending = open, deadline not passed. On-time rate = on time ÷ (valid − pending).</source>
        <translation>截至 {date}。按时 = 有效且在处理时限内办结；逾期 = 超时办结或超过时限仍未办结；未到期 = 未办结且未超过时限。投诉处理及时率 = 按时 ÷（有效 − 未到期）。</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) overdue on {date}, most days late first.</source>
        <translation>
            <numerusform>截至 {date} 逾期投诉 %n 件，按逾期天数从多到少排列。</numerusform>
        </translation>
    </message>
    <message>
        <source>No complaint is overdue on {date}.</source>
        <translation>截至 {date} 没有逾期投诉。</translation>
    </message>
    <message>
        <source>Other outlets ({n})</source>
        <translation>其他网点（{n}个）</translation>
    </message>
    <message>
        <source>Valid customer complaints of {period} by cause, most frequent first; the shaded causes make up the first {vital}% (the vital few). Columns: the outlets complained about, most complaints first (hover a code for its name).</source>
        <translation>{period}有效客户投诉按投诉原因统计，件数多者在前；底色标出的原因累计占前 {vital}%（关键少数）。各列为被投诉网点，投诉多者在前（鼠标停在代码上可见网点名称）。</translation>
    </message>
    <message>
        <source>No valid complaint in {period}.</source>
        <translation>{period}没有有效投诉。</translation>
    </message>
    <message>
        <source>Valid complaints</source>
        <translation>有效投诉件数</translation>
    </message>
    <message>
        <source>Cumulative share of complaints</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Other causes ({n})</source>
        <translation>其他原因（{n}项）</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>没有可导出的内容。</translation>
    </message>
    <message>
        <source>Write the table on screen to an Excel workbook.</source>
        <translation>把屏幕上的表格导出为 Excel 工作簿。</translation>
    </message>
    <message>
        <source>Complaints {period}, as of {date} — {unit}: {what}</source>
        <translation>客户投诉 {period}，截至 {date} — {unit}：{what}</translation>
    </message>
    <message>
        <source>Exporting the table</source>
        <translation>正在导出表格</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>complaints_{period}_{unit}.xlsx</source>
        <translation>投诉统计_{period}_{unit}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ConflictBox</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>Course {code}</source>
        <translation>培训项目 {code}</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <source>Meant for</source>
        <translation>培训对象</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No post ticked: the course is for everyone. For certification training the ticked posts form the comparison group of the effect figure.</source>
        <translation>不勾选岗位表示面向全体员工。持证上岗培训所勾选的岗位即培训效果评价的对照组范围。</translation>
    </message>
</context>
<context>
    <name>CycleDialog</name>
    <message>
        <source>Award cycle {label}</source>
        <translation>评选周期 {label}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Load another score sheet (TOML)…</source>
        <translation>载入其他评分表（TOML）…</translation>
    </message>
    <message>
        <source>Official title:</source>
        <translation>正式称号：</translation>
    </message>
    <message>
        <source>Announced on:</source>
        <translation>公布日期：</translation>
    </message>
    <message>
        <source>Applications from:</source>
        <translation>申报开始：</translation>
    </message>
    <message>
        <source>Applications until:</source>
        <translation>申报截止：</translation>
    </message>
    <message>
        <source>Quota:</source>
        <translation>名额：</translation>
    </message>
    <message>
        <source>Required attachments (separated by 、):</source>
        <translation>必备附件（用“、”分隔）：</translation>
    </message>
    <message>
        <source>Certificate number pattern:</source>
        <translation>证书编号格式：</translation>
    </message>
    <message>
        <source>Issuing body:</source>
        <translation>发证单位：</translation>
    </message>
    <message>
        <source>Re-inspection after (years):</source>
        <translation>复查间隔（年）：</translation>
    </message>
    <message>
        <source>Score sheet: {name}</source>
        <translation>评分表：{name}</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>TOML (*.toml)</source>
        <translation>TOML 文件 (*.toml)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Front-line staff in post</source>
        <translation>在岗一线员工</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>持证人数</translation>
    </message>
    <message>
        <source>Certification rate, all posts</source>
        <translation>持证率（全部岗位）</translation>
    </message>
    <message>
        <source>Certificates expiring within 90 days</source>
        <translation>90 天内到期证书</translation>
    </message>
    <message>
        <source>Certification rates against the plan&apos;s targets</source>
        <translation>持证率与规划目标对比</translation>
    </message>
    <message>
        <source>Returns of the period</source>
        <translation>本期报表收取情况</translation>
    </message>
    <message>
        <source>No staff yet: import the org list and the certification returns</source>
        <translation>暂无员工数据：请先导入机构清单和持证上岗情况表</translation>
    </message>
    <message>
        <source>Rate on {date}</source>
        <translation>{date} 持证率</translation>
    </message>
    <message>
        <source>Target {year}</source>
        <translation>{year} 年目标</translation>
    </message>
    <message>
        <source>at or above target</source>
        <translation>达到或超过目标</translation>
    </message>
    <message>
        <source>within 5 points below</source>
        <translation>低于目标 5 个百分点以内</translation>
    </message>
    <message>
        <source>more than 5 points below</source>
        <translation>低于目标超过 5 个百分点</translation>
    </message>
    <message>
        <source>{received} received · {missing} missing · {refused} refused</source>
        <translation>已收到 {received} · 未收到 {missing} · 被退回 {refused}</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Building the demo database</source>
        <translation>正在生成演示数据库</translation>
    </message>
</context>
<context>
    <name>EnglishNameDialog</name>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>数据表：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Chinese name:</source>
        <translation>中文名：</translation>
    </message>
    <message>
        <source>&amp;English name:</source>
        <translation>英文名(&amp;E)：</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>{count} of {limit} characters. Leave it empty to show the Chinese name in English.</source>
        <translation>已输入{count}个字符，最多{limit}个。留空则英文界面显示中文名。</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>QSM Desktop ran into a problem it did not expect; the last action may not have finished.

The details were written to the log file:
{path}
Please send them to your administrator.</source>
        <translation>QSM Desktop 遇到了意外问题，刚才的操作可能没有完成。

详细信息已写入日志文件：
{path}
请将其发送给系统管理员。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>QSM Desktop</source>
        <translation>QSM Desktop</translation>
    </message>
    <message>
        <source>Cannot use the file “%1”: %2.</source>
        <translation>无法使用文件“%1”：%2。</translation>
    </message>
    <message>
        <source>A file could not be used: %1.</source>
        <translation>无法使用文件：%1。</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>环比</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺数</translation>
    </message>
    <message>
        <source>Full points</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>本期值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Explanation / points lost</source>
        <translation>得分说明 / 失分原因</translation>
    </message>
    <message>
        <source>Comprehensive evaluation</source>
        <translation>综合评价</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>综合评价</translation>
    </message>
    <message>
        <source>Scores and rankings of the quarter (DESIGN §4)</source>
        <translation>本季度综合评价得分与排名</translation>
    </message>
    <message>
        <source>{period} · {system}</source>
        <translation>{period} · {system}</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算得分</translation>
    </message>
    <message>
        <source>Score the quarter again from the current returns and registers</source>
        <translation>按当前报表和登记数据重新计算本季度得分</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Unit report…</source>
        <translation>单位报告…</translation>
    </message>
    <message>
        <source>Bank-wide report…</source>
        <translation>全行报告…</translation>
    </message>
    <message>
        <source>All reports…</source>
        <translation>批量生成报告…</translation>
    </message>
    <message>
        <source>Enter value…</source>
        <translation>录入指标值…</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>分行</translation>
    </message>
    <message>
        <source>Head-office departments</source>
        <translation>总行部门</translation>
    </message>
    <message>
        <source>Missing inputs ({count}) — these units get no grade and no rank:</source>
        <translation>数据缺失（{count} 项）——这些单位不评等级、不排名：</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 项</translation>
    </message>
    <message>
        <source>Not computed yet: press Compute.</source>
        <translation>尚未计算：请点击“计算得分”。</translation>
    </message>
    <message>
        <source>No evaluation inputs yet: import quarterly and internal-service returns.</source>
        <translation>尚无评价数据：请导入服务质量季度报表和内部服务评价表。</translation>
    </message>
    <message>
        <source>Published as incomplete on {date} by {who}</source>
        <translation>已于 {date} 由 {who} 按不完整数据发布</translation>
    </message>
    <message>
        <source>Published on {date} by {who}</source>
        <translation>已于 {date} 由 {who} 发布（冻结）</translation>
    </message>
    <message>
        <source>Draft, not yet published by head office — computed {date}; your units&apos; scores may still change</source>
        <translation>草稿，总行尚未发布——{date} 计算；本单位得分仍可能变化</translation>
    </message>
    <message>
        <source>Draft, complete — computed {date} by {who}; ready to publish</source>
        <translation>草稿，数据完整——{who} 于 {date} 计算；可以发布</translation>
    </message>
    <message>
        <source>Draft, incomplete — computed {date} by {who}</source>
        <translation>草稿，数据不完整——{who} 于 {date} 计算</translation>
    </message>
    <message>
        <source>{rank} of {count}</source>
        <translation>第 {rank} 名 / 共 {count} 家</translation>
    </message>
    <message>
        <source>Total &lt;b&gt;{total}&lt;/b&gt;</source>
        <translation>总分 &lt;b&gt;{total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>grade &lt;span style=&apos;background:{bg};&apos;&gt;&amp;nbsp;{grade}&amp;nbsp;&lt;/span&gt;</source>
        <translation>等级 &lt;span style=&apos;background:{bg};&apos;&gt;&amp;nbsp;{grade}&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>rank {rank}</source>
        <translation>名次 {rank}</translation>
    </message>
    <message>
        <source>change {change}</source>
        <translation>环比 {change}</translation>
    </message>
    <message>
        <source>weight {weight}, target {target}</source>
        <translation>权重 {weight} 分，目标 {target}</translation>
    </message>
    <message>
        <source>Source: {origin}</source>
        <translation>数据来源：{origin}</translation>
    </message>
    <message>
        <source>Values read:</source>
        <translation>读取的各项数值：</translation>
    </message>
    <message>
        <source>Computing the scores of {period}</source>
        <translation>正在计算{period}的得分</translation>
    </message>
    <message>
        <source>Publishing {period}</source>
        <translation>正在发布{period}</translation>
    </message>
    <message>
        <source>Saving the value</source>
        <translation>正在保存指标值</translation>
    </message>
    <message>
        <source>Writing the report of {unit}</source>
        <translation>正在生成 {unit} 的报告</translation>
    </message>
    <message>
        <source>Writing the bank-wide report</source>
        <translation>正在生成全行报告</translation>
    </message>
    <message>
        <source>Writing all reports</source>
        <translation>正在批量生成报告</translation>
    </message>
    <message>
        <source>Save the unit report</source>
        <translation>保存单位报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>{period}_evaluation_report.pdf</source>
        <translation>{period}_全行综合评价报告.pdf</translation>
    </message>
    <message>
        <source>Save the bank-wide report</source>
        <translation>保存全行报告</translation>
    </message>
    <message>
        <source>Folder for all reports</source>
        <translation>选择存放报告的文件夹</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>Make a consistent copy of the database file while it is in use</source>
        <translation>在使用中为数据库文件制作一致的副本</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch user…</source>
        <translation>退出登录 / 切换用户(&amp;O)…</translation>
    </message>
    <message>
        <source>This database has no accounts yet: you work as the local administrator, and there is nobody to switch to.</source>
        <translation>此数据库尚无登录账户：您以本机管理员身份工作，没有可切换的用户。</translation>
    </message>
    <message>
        <source>Close the window and sign in again</source>
        <translation>关闭窗口并重新登录</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>Back up the database to</source>
        <translation>将数据库备份到</translation>
    </message>
    <message>
        <source>SQLite database (*.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The database was copied to {path}. Only you can read the copy. To restore it, close QSM Desktop everywhere and copy the file back in place of the database.</source>
        <translation>数据库已复制到 {path}。此副本只有您本人可以读取。如需恢复，请在所有电脑上关闭 QSM Desktop，再把该文件复制回原数据库的位置。</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Leaving</source>
        <translation>离岗</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source> (replaces an earlier return)</source>
        <translation>（替代旧表）</translation>
    </message>
</context>
<context>
    <name>IndicatorSystemEditor</name>
    <message>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>In force from:</source>
        <translation>施行日期：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>计量单位：</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Weight (points):</source>
        <translation>权重（分）：</translation>
    </message>
    <message>
        <source>Data source:</source>
        <translation>数据来源：</translation>
    </message>
    <message>
        <source>Scoring rule:</source>
        <translation>评分规则：</translation>
    </message>
    <message>
        <source>Grade bands</source>
        <translation>等级档次</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Lowest total</source>
        <translation>最低分</translation>
    </message>
</context>
<context>
    <name>IndicatorSystemPage</name>
    <message>
        <source>Higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Quarterly return</source>
        <translation>服务质量季度报表</translation>
    </message>
    <message>
        <source>Internal-service ratings</source>
        <translation>内部服务评价表</translation>
    </message>
    <message>
        <source>Certification register</source>
        <translation>持证上岗登记</translation>
    </message>
    <message>
        <source>Training records</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>Showcase awards</source>
        <translation>示范窗口称号</translation>
    </message>
    <message>
        <source>Manual entry</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>Mystery visits (final scores)</source>
        <translation>神秘访客检查（定稿得分）</translation>
    </message>
    <message>
        <source>Complaint register</source>
        <translation>投诉登记</translation>
    </message>
    <message>
        <source>Corrective and preventive actions</source>
        <translation>纠正预防措施登记</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Total now</source>
        <translation>现行总分</translation>
    </message>
    <message>
        <source>Total with the draft</source>
        <translation>草稿总分</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Indicator systems</source>
        <translation>指标体系</translation>
    </message>
    <message>
        <source>Weights, scoring rules and grade bands; saving always makes a new version</source>
        <translation>权重、评分规则与等级档次；保存时一律生成新版本</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Score the last computed quarter under the draft (nothing is saved)</source>
        <translation>按草稿重新计算最近一个季度的得分（不保存）</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标体系</translation>
    </message>
    <message>
        <source>{label} — in force from {date}</source>
        <translation>{label}——{date} 起施行</translation>
    </message>
    <message>
        <source> (scored: {periods})</source>
        <translation>（已评分：{periods}）</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>新指标</translation>
    </message>
    <message>
        <source>The draft is valid: the weights of each unit type add up to 100.</source>
        <translation>草稿有效：各类单位的指标权重合计均为 100 分。</translation>
    </message>
    <message>
        <source>Preview: press Preview to see the effect on the last quarter&apos;s scores</source>
        <translation>预览：点击“预览”查看修改对最近一个季度得分的影响</translation>
    </message>
    <message>
        <source>Preview on {period}: totals now and with the draft</source>
        <translation>{period} 预览：现行体系与草稿下的总分</translation>
    </message>
    <message>
        <source>Previewing the draft</source>
        <translation>正在预览草稿</translation>
    </message>
    <message>
        <source>Saving the indicator system</source>
        <translation>正在保存指标体系</translation>
    </message>
    <message>
        <source>Importing the indicator system</source>
        <translation>正在导入指标体系</translation>
    </message>
    <message>
        <source>Exporting the indicator system</source>
        <translation>正在导出指标体系</translation>
    </message>
    <message>
        <source>Import an indicator system</source>
        <translation>导入指标体系</translation>
    </message>
    <message>
        <source>Indicator system (*.toml *.xlsx)</source>
        <translation>指标体系 (*.toml *.xlsx)</translation>
    </message>
    <message>
        <source>Export the indicator system</source>
        <translation>导出指标体系</translation>
    </message>
    <message>
        <source>TOML (*.toml);;Excel workbook (*.xlsx)</source>
        <translation>TOML 文件 (*.toml);;Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Tellers</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Retail sales &amp; service</source>
        <translation>个金销售服务人员</translation>
    </message>
    <message>
        <source>Corporate account managers</source>
        <translation>对公客户经理</translation>
    </message>
    <message>
        <source>International product managers</source>
        <translation>国际业务产品经理</translation>
    </message>
    <message>
        <source>Business processing</source>
        <translation>业务处理人员</translation>
    </message>
    <message>
        <source>Tellers (short)</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Retail sales (short)</source>
        <translation>个金销售服务</translation>
    </message>
    <message>
        <source>Corporate (short)</source>
        <translation>对公客户经理</translation>
    </message>
    <message>
        <source>International (short)</source>
        <translation>国际业务产品经理</translation>
    </message>
    <message>
        <source>Processing (short)</source>
        <translation>业务处理</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部岗位类别</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>持证</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Not certified</source>
        <translation>未持证</translation>
    </message>
    <message>
        <source>Org list</source>
        <translation>机构清单</translation>
    </message>
    <message>
        <source>Certification return</source>
        <translation>持证上岗情况表</translation>
    </message>
    <message>
        <source>Training return</source>
        <translation>培训情况表</translation>
    </message>
    <message>
        <source>Quarterly service-quality return</source>
        <translation>服务质量季度报表</translation>
    </message>
    <message>
        <source>Showcase application</source>
        <translation>示范窗口申报表</translation>
    </message>
    <message>
        <source>Internal service rating</source>
        <translation>内部服务评价表</translation>
    </message>
    <message>
        <source>On-site score sheet</source>
        <translation>现场评分表</translation>
    </message>
    <message>
        <source>Mystery-visit results</source>
        <translation>神秘访客检查结果</translation>
    </message>
    <message>
        <source>Mystery-visit appeals</source>
        <translation>神秘访客申诉</translation>
    </message>
    <message>
        <source>Corrective action feedback</source>
        <translation>整改反馈</translation>
    </message>
    <message>
        <source>Complaint register</source>
        <translation>投诉登记</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未收到</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被退回</translation>
    </message>
    <message>
        <source>Resubmitted</source>
        <translation>已重报</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>可以导入</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Needs unit and period</source>
        <translation>需补充机构和报告期</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>units</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>leaving</source>
        <translation>离岗</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer, so the password cannot be remembered; type it each time.</source>
        <translation>本机没有可用的系统密钥环，因此无法记住密码，请每次输入。</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring of this computer, never in a settings file.</source>
        <translation>密码保存在本机的系统密钥环中，绝不写入设置文件。</translation>
    </message>
    <message>
        <source>On the shared database your login is your PostgreSQL login: the database itself limits what you see and change.</source>
        <translation>在共享数据库上，您的登录名就是 PostgreSQL 登录名：由数据库本身限制您能看到和修改的数据。</translation>
    </message>
    <message>
        <source>This database is a file on this computer (SQLite): logins keep honest people apart, but anyone who can copy the file can read all of it. A shared office uses PostgreSQL.</source>
        <translation>此数据库是本机上的一个文件（SQLite）：登录只能约束守规矩的用户，任何能复制该文件的人都能读取其中的全部内容。多人共用的办公室请使用 PostgreSQL。</translation>
    </message>
    <message>
        <source>Type your login name.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>Signing in …</source>
        <translation>正在登录……</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly; the details are in the log.</source>
        <translation>登录时发生意外错误，详情见日志。</translation>
    </message>
    <message>
        <source>Sign in — QSM Desktop</source>
        <translation>登录 — QSM Desktop</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. li_li</source>
        <translation>例如 li_li</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember the password (system keyring)</source>
        <translation>记住密码（系统密钥环）(&amp;R)</translation>
    </message>
    <message>
        <source>Open the local database instead</source>
        <translation>改为打开本机数据库</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>QSM Desktop — Service Quality Management Office</source>
        <translation>QSM Desktop — 服务质量管理办公室</translation>
    </message>
    <message>
        <source>Service Quality Management</source>
        <translation>服务质量管理</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>报告期：</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reload every page from the database (F5)</source>
        <translation>从数据库重新读取所有页面（F5）</translation>
    </message>
    <message>
        <source>{page} (Ctrl+{number})</source>
        <translation>{page}（Ctrl+{number}）</translation>
    </message>
    <message>
        <source>Database: {name} (server)</source>
        <translation>数据库：{name}（服务器）</translation>
    </message>
    <message>
        <source>Database: {name} (file)</source>
        <translation>数据库：{name}（本地文件）</translation>
    </message>
    <message>
        <source>This database has no accounts yet, so you work as the local administrator. Once the first (administrator) account exists, everyone signs in.</source>
        <translation>此数据库尚无登录账户，因此您以本机管理员身份工作。建立第一个（管理员）账户后，所有人都须登录。</translation>
    </message>
    <message>
        <source>Signed in as {login}</source>
        <translation>已登录：{login}</translation>
    </message>
    <message>
        <source>{login} · {role} (local: no logins yet)</source>
        <translation>{login} · {role}（本机，尚无登录账户）</translation>
    </message>
    <message>
        <source>Period: {period}</source>
        <translation>报告期：{period}</translation>
    </message>
</context>
<context>
    <name>MonitoringActionsForm</name>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>分行：</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>验证…</translation>
    </message>
    <message>
        <source>Feedback template…</source>
        <translation>整改反馈模板…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <source>On time per branch</source>
        <translation>各分行按期完成情况</translation>
    </message>
</context>
<context>
    <name>MonitoringChecklistsForm</name>
    <message>
        <source>Edition:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>New edition…</source>
        <translation>新建版本…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除项目</translation>
    </message>
</context>
<context>
    <name>MonitoringComplaintsForm</name>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>投诉统计</translation>
    </message>
    <message>
        <source>Causes (Pareto)</source>
        <translation>投诉原因（帕累托）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期投诉</translation>
    </message>
</context>
<context>
    <name>MonitoringTerms</name>
    <message>
        <source>corrective</source>
        <translation>纠正</translation>
    </message>
    <message>
        <source>preventive</source>
        <translation>预防</translation>
    </message>
    <message>
        <source>mystery visit</source>
        <translation>神秘访客</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>critical item lost points</source>
        <translation>关键项失分</translation>
    </message>
    <message>
        <source>lost two quarters running</source>
        <translation>重复失分</translation>
    </message>
    <message>
        <source>lost at 3+ outlets of the branch</source>
        <translation>系统性问题</translation>
    </message>
    <message>
        <source>repeat complaints</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <source>customer complaint</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>internal complaint</source>
        <translation>内部投诉</translation>
    </message>
    <message>
        <source>appearance</source>
        <translation>仪容仪表</translation>
    </message>
    <message>
        <source>conduct</source>
        <translation>服务行为</translation>
    </message>
    <message>
        <source>discipline</source>
        <translation>服务纪律</translation>
    </message>
    <message>
        <source>competence</source>
        <translation>服务能力</translation>
    </message>
    <message>
        <source>facilities</source>
        <translation>服务硬件</translation>
    </message>
</context>
<context>
    <name>MonitoringVisitsForm</name>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>Finalise the quarter…</source>
        <translation>季度定稿…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>‹ Up</source>
        <translation>‹ 上一级</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>裁决…</translation>
    </message>
</context>
<context>
    <name>MysteryVisitTables</name>
    <message>
        <source>Appeals undecided / filed</source>
        <translation>申诉 待裁决/已提交</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>Outlets visited</source>
        <translation>受检网点</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>暗访次数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Items lost</source>
        <translation>失分项目</translation>
    </message>
    <message>
        <source>Visits capped at 60</source>
        <translation>关键项失分（封顶60分）</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>暗访编号</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>暗访日期</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>服务模块</translation>
    </message>
    <message>
        <source>Items applicable</source>
        <translation>适用项目</translation>
    </message>
    <message>
        <source>Critical item lost</source>
        <translation>关键项失分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目代码</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>原得分</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>计分</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>关键项</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Reason for the deduction</source>
        <translation>扣分原因</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>柜员工号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score given</source>
        <translation>裁决得分</translation>
    </message>
    <message>
        <source>The branch&apos;s reason</source>
        <translation>申诉理由</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Reason of the decision</source>
        <translation>裁决理由</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>裁决人</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>裁决时间</translation>
    </message>
</context>
<context>
    <name>MysteryVisitsPage</name>
    <message>
        <source>Mystery visits</source>
        <translation>神秘访客</translation>
    </message>
    <message>
        <source>All appeals</source>
        <translation>全部申诉</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>待裁决</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已裁决</translation>
    </message>
    <message>
        <source>{period} · no visits</source>
        <translation>{period} · 无暗访</translation>
    </message>
    <message>
        <source>final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>暂定</translation>
    </message>
    <message numerus="yes">
        <source>{open} of %n appeal(s) undecided.</source>
        <translation>
            <numerusform>%n 项申诉中 {open} 项待裁决。</numerusform>
        </translation>
    </message>
    <message>
        <source>No appeal filed.</source>
        <translation>没有申诉。</translation>
    </message>
    <message>
        <source>{provisional} — {appeals} {change}</source>
        <translation>{provisional}——{appeals}{change}</translation>
    </message>
    <message>
        <source>Provisional: this quarter is not finalised yet</source>
        <translation>暂定：本季度尚未定稿</translation>
    </message>
    <message>
        <source>The scores may still change with the head office&apos;s decisions.</source>
        <translation>得分可能随总行的裁决而变化。</translation>
    </message>
    <message>
        <source>No mystery visits for {period} in this unit yet: import the agency&apos;s 暗访结果 return (mystery-visit results) on the Returns page.</source>
        <translation>本机构{period}还没有神秘访客检查结果：请在“报表”页面导入暗访机构报送的暗访结果表。</translation>
    </message>
    <message>
        <source>Open the Returns page</source>
        <translation>打开“报表”页</translation>
    </message>
    <message>
        <source>Your role does not import returns.</source>
        <translation>您的角色不能导入报表。</translation>
    </message>
    <message>
        <source>{unit}: {score}</source>
        <translation>{unit}：{score}</translation>
    </message>
    <message>
        <source>{visits} at {outlets}</source>
        <translation>{outlets}共 {visits}</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次暗访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s)</source>
        <translation>
            <numerusform>%n 个网点</numerusform>
        </translation>
    </message>
    <message>
        <source>final since {when} ({who})</source>
        <translation>{when} 已定稿（{who}）</translation>
    </message>
    <message>
        <source>Select a visit to see its items.</source>
        <translation>选中一次暗访可查看其检查项目。</translation>
    </message>
    <message>
        <source>This is the top level</source>
        <translation>已是最上一级</translation>
    </message>
    <message>
        <source>Back to the level above (Backspace)</source>
        <translation>返回上一级（Backspace）</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>分行</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>暗访</translation>
    </message>
    <message>
        <source>No appeals for {period}: a branch files them with the 申诉 return (mystery-visit appeals) on the Returns page while the quarter is provisional.</source>
        <translation>{period}没有申诉：季度定稿前，分行可报送申诉表，在“报表”页面导入。</translation>
    </message>
    <message>
        <source>Select an appeal to decide it.</source>
        <translation>选中一项申诉即可裁决。</translation>
    </message>
    <message>
        <source>Only the head office finalises a quarter.</source>
        <translation>季度由总行定稿。</translation>
    </message>
    <message>
        <source>Nothing to finalise: no visits in this quarter.</source>
        <translation>本季度没有暗访，无需定稿。</translation>
    </message>
    <message>
        <source>{period} is finalised already.</source>
        <translation>{period}已定稿。</translation>
    </message>
    <message>
        <source>Freeze the scores and raise the findings with their corrective and preventive actions.</source>
        <translation>冻结得分，并按发现的问题下达纠正预防措施。</translation>
    </message>
    <message numerus="yes">
        <source>%n appeal(s) still undecided: finalising is refused until they are decided.</source>
        <translation>
            <numerusform>还有 %n 项申诉未裁决：裁决完毕前不能定稿。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>没有可导出的内容。</translation>
    </message>
    <message>
        <source>Write the table on screen to an Excel workbook.</source>
        <translation>把屏幕上的表格导出为 Excel 工作簿。</translation>
    </message>
    <message>
        <source>Uphold or reject the selected appeal.</source>
        <translation>支持或驳回所选申诉。</translation>
    </message>
    <message>
        <source>Select an undecided appeal.</source>
        <translation>请选择一项待裁决的申诉。</translation>
    </message>
    <message>
        <source>This appeal is decided already ({status}).</source>
        <translation>该申诉已裁决（{status}）。</translation>
    </message>
    <message>
        <source>The quarter is finalised: its appeals are closed.</source>
        <translation>本季度已定稿，申诉已关闭。</translation>
    </message>
    <message>
        <source>Your role only reads.</source>
        <translation>您的角色只能查看。</translation>
    </message>
    <message>
        <source>Deciding the appeal</source>
        <translation>正在裁决申诉</translation>
    </message>
    <message>
        <source>Quarter finalised</source>
        <translation>季度已定稿</translation>
    </message>
    <message>
        <source>{period} is final: {visits} visits, bank score {bank}; {findings} findings raised {actions} actions (see the Actions page).</source>
        <translation>{period}已定稿：共 {visits} 次暗访，全行得分 {bank}；发现问题 {findings} 项，下达整改 {actions} 项（见“整改措施”页面）。</translation>
    </message>
    <message>
        <source>Finalising {period}</source>
        <translation>正在定稿{period}</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Mystery-visit scores</source>
        <translation>神秘访客得分</translation>
    </message>
    <message>
        <source>Exporting the table</source>
        <translation>正在导出表格</translation>
    </message>
    <message>
        <source>Items of visit {visit} — {outlet}, {date}, {module}: {score}</source>
        <translation>暗访 {visit} 的检查项目 — {outlet}，{date}，{module}：{score}</translation>
    </message>
    <message>
        <source>Finalise the quarter</source>
        <translation>季度定稿</translation>
    </message>
    <message>
        <source>Finalise {period}? The scores of its {visits} visits are frozen, the findings are raised with their corrective and preventive actions, and the quarter takes no more deliveries or appeals. This cannot be undone.</source>
        <translation>定稿{period}？其 {visits} 次暗访的得分将被冻结，按发现的问题下达纠正预防措施，此后本季度不再接收暗访结果和申诉。定稿不能撤销。</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>mystery_visits_{period}_{unit}.xlsx</source>
        <translation>神秘访客_{period}_{unit}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>持证上岗</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>持证率</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>综合评价</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标体系</translation>
    </message>
    <message>
        <source>English names</source>
        <translation>参考数据英文名</translation>
    </message>
    <message>
        <source>Plan targets</source>
        <translation>规划目标</translation>
    </message>
    <message>
        <source>Showcase units</source>
        <translation>示范窗口</translation>
    </message>
    <message>
        <source>Mystery visits</source>
        <translation>神秘访客</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>OrgPeriodDialog</name>
    <message>
        <source>Unit and period of the return</source>
        <translation>报表的填报单位和报告期</translation>
    </message>
    <message>
        <source>The file {file} does not say which unit sent it or for which period. Choose them; the file is then checked again.</source>
        <translation>文件 {file} 没有写明填报单位或报告期。请选择，选好后将重新检查该文件。</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>填报单位：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>报告期：</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Filter by code or name</source>
        <translation>按机构代码或名称筛选</translation>
    </message>
    <message>
        <source>Counts cover each unit&apos;s whole subtree. Double-click a unit to make it the unit of every page.</source>
        <translation>各项数字包含该机构及其全部下级机构。双击某一机构，可将其设为所有页面的当前机构。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>机构类型</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>网点数</translation>
    </message>
    <message>
        <source>Staff in post</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>持证人数</translation>
    </message>
    <message>
        <source>Certification rate</source>
        <translation>持证率</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No units yet: import the org list on the Returns page.</source>
        <translation>暂无机构：请在“报表”页导入机构清单。</translation>
    </message>
    <message>
        <source>{units} · {outlets} · {staff} staff in post · {certified} certified</source>
        <translation>{units} · {outlets} · 在岗 {staff} 人 · 持证 {certified} 人</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit(s)</source>
        <translation>
            <numerusform>机构 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outlet(s)</source>
        <translation>
            <numerusform>网点 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>No unit matches the search.</source>
        <translation>没有符合搜索条件的机构。</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Open the Returns page</source>
        <translation>打开“报表”页</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>{unit} · {period} · as of {date}</source>
        <translation>{unit} · {period} · 截至 {date}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset the password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>再输入一次：</translation>
    </message>
</context>
<context>
    <name>PersonCertificates</name>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Counts for the post</source>
        <translation>计入本岗位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
</context>
<context>
    <name>PersonTraining</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第{row}行</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>培训项目</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>Training (1 course)</source>
        <translation>培训记录（1项）</translation>
    </message>
    <message numerus="yes">
        <source>Training (%n course(s))</source>
        <translation>
            <numerusform>培训记录（%n项）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTargetsPage</name>
    <message>
        <source>Whole bank</source>
        <translation>全行</translation>
    </message>
    <message>
        <source>Each branch</source>
        <translation>各分行</translation>
    </message>
    <message>
        <source> (measured: branch average)</source>
        <translation>（按分行平均计）</translation>
    </message>
    <message>
        <source> (measured: whole bank)</source>
        <translation>（按全行计）</translation>
    </message>
    <message>
        <source>On target</source>
        <translation>已达标</translation>
    </message>
    <message>
        <source>Close (within 10%)</source>
        <translation>接近（差距 10% 以内）</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Due later</source>
        <translation>远期目标</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Plan targets</source>
        <translation>规划目标</translation>
    </message>
    <message>
        <source>The 2007–2009 service-quality plan: each target against the year&apos;s actual</source>
        <translation>2007–2009 年服务质量规划：各项目标与当年实际</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>No data for this target yet</source>
        <translation>该目标暂无数据</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Plan&apos;s final target</source>
        <translation>规划期末目标</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>How it is measured</source>
        <translation>计算口径</translation>
    </message>
    <message>
        <source>Target {year}</source>
        <translation>{year}年目标</translation>
    </message>
</context>
<context>
    <name>ProblemTable</name>
    <message>
        <source>Where (sheet!cell)</source>
        <translation>位置（工作表!单元格）</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish {period}</source>
        <translation>发布{period}</translation>
    </message>
    <message>
        <source>The data of this quarter is incomplete. These inputs are missing:</source>
        <translation>本季度数据不完整，缺少以下数据：</translation>
    </message>
    <message>
        <source>Publish as incomplete (the office&apos;s decision)</source>
        <translation>按不完整数据发布（办公室决定）</translation>
    </message>
    <message>
        <source>The incomplete units are graded and ranked on the data available.</source>
        <translation>数据不完整的单位按现有数据评定等级并排名。</translation>
    </message>
    <message>
        <source>Why it is published incomplete</source>
        <translation>按不完整数据发布的原因</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Publishing freezes the scores of {period}: they will not change afterwards, and the reports say they are published.</source>
        <translation>发布后{period}的得分即被冻结，不再变动，报告中注明“已发布”。</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
</context>
<context>
    <name>RatesPage</name>
    <message>
        <source>{certified} of {members} certified; target {target}</source>
        <translation>{members} 人中持证 {certified} 人；目标 {target}</translation>
    </message>
    <message>
        <source>Certification rates</source>
        <translation>持证率</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>持证率</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>统计日期：</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>at or above target</source>
        <translation>达到或超过目标</translation>
    </message>
    <message>
        <source>within 5 points below</source>
        <translation>低于目标 5 个百分点以内</translation>
    </message>
    <message>
        <source>more than 5 points below</source>
        <translation>低于目标超过 5 个百分点</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Staff in post</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>target {value}%</source>
        <translation>目标 {value}%</translation>
    </message>
    <message>
        <source>No staff in this unit yet</source>
        <translation>该机构暂无员工数据</translation>
    </message>
    <message>
        <source>{unit} — certification rate by post category, as of {date}</source>
        <translation>{unit} — 各岗位类别持证率（截至 {date}）</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>持证率</translation>
    </message>
    <message>
        <source>Target {year}</source>
        <translation>{year} 年目标</translation>
    </message>
    <message>
        <source>certification_rates_{unit}_{date}.xlsx</source>
        <translation>持证率_{unit}_{date}.xlsx</translation>
    </message>
    <message>
        <source>Export the rates</source>
        <translation>导出持证率</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>rate %</source>
        <translation>持证率%</translation>
    </message>
    <message>
        <source>target %</source>
        <translation>目标%</translation>
    </message>
    <message>
        <source>certified</source>
        <translation>持证人数</translation>
    </message>
    <message>
        <source>members</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>All staff rate %</source>
        <translation>全部人员持证率%</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>持证人数</translation>
    </message>
    <message>
        <source>Certification rates — {unit}, as of {date}</source>
        <translation>持证率 — {unit}（截至 {date}）</translation>
    </message>
    <message>
        <source>Exporting the rates</source>
        <translation>正在导出持证率</translation>
    </message>
</context>
<context>
    <name>ReferenceNamesPage</name>
    <message>
        <source>Plan target</source>
        <translation>规划目标</translation>
    </message>
    <message>
        <source>Certificate type</source>
        <translation>证书类型</translation>
    </message>
    <message>
        <source>Certificate level</source>
        <translation>证书等级</translation>
    </message>
    <message>
        <source>Post category</source>
        <translation>岗位类别</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Checklist module</source>
        <translation>检查表模块</translation>
    </message>
    <message>
        <source>Module norm</source>
        <translation>模块规范</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Complaint category</source>
        <translation>投诉分类</translation>
    </message>
    <message>
        <source>Complaint deadline class</source>
        <translation>投诉处理时限</translation>
    </message>
    <message>
        <source>(none: the Chinese name is shown)</source>
        <translation>（无：显示中文名）</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Reference names</source>
        <translation>参考数据英文名</translation>
    </message>
    <message>
        <source>English names</source>
        <translation>参考数据英文名</translation>
    </message>
    <message>
        <source>English names of the reference data the program seeds: what an English window and English reports show</source>
        <translation>程序预置参考数据的英文名：英文界面和英文报告显示的名称</translation>
    </message>
    <message>
        <source>Edit English name…</source>
        <translation>编辑英文名…</translation>
    </message>
    <message>
        <source>Edit the selected row&apos;s English name (Enter or F2)</source>
        <translation>编辑所选行的英文名（回车或F2）</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>数据表(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>code, Chinese or English name</source>
        <translation>代码、中文名或英文名</translation>
    </message>
    <message>
        <source>Each row is one Chinese name: every record carrying it (a target&apos;s years, a level of each certificate type, a module of each checklist edition) gets the English name. An empty English name shows the Chinese one. The indicator system&apos;s names are edited in the indicator system editor.</source>
        <translation>每行是一个中文名：凡使用该名称的记录（目标的各年度、各证书类型的同一等级、各版检查表的同一模块）都取同一英文名。英文名为空时显示中文名。指标体系的名称请在指标体系编辑器中修改。</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>全部数据表</translation>
    </message>
    <message numerus="yes">
        <source>%n name(s)</source>
        <translation>
            <numerusform>%n个名称</numerusform>
        </translation>
    </message>
    <message>
        <source>(of {total})</source>
        <translation>（共{total}个）</translation>
    </message>
    <message>
        <source>Only the head office edits reference data.</source>
        <translation>参考数据仅由总行维护。</translation>
    </message>
    <message>
        <source>No name matches the filter. Clear the search or choose all tables.</source>
        <translation>没有符合筛选条件的名称。请清空查找内容或选择全部数据表。</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>No reference data in this database yet: plan targets, certificate types, posts, checklists and complaint codes are seeded when the database is set up (qsm db upgrade), and posts arrive with the certification returns. Their English names can be edited here then.</source>
        <translation>本数据库尚无参考数据：规划目标、证书类型、岗位、检查表和投诉分类在建库时预置（qsm db upgrade），岗位也随持证上岗情况表导入。之后可在此编辑它们的英文名。</translation>
    </message>
    <message>
        <source>nothing (the Chinese name is shown)</source>
        <translation>空（显示中文名）</translation>
    </message>
    <message>
        <source>Change the English name of {name} ({table})
from: {before}
to: {after}

Every page and report shows the new name at once; the change is kept in the audit trail and can be edited back.</source>
        <translation>修改{name}（{table}）的英文名
原为：{before}
改为：{after}

各页面和报告立即显示新名称；修改记入审计日志，可随时改回。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) carry this Chinese name and all get it.</source>
        <translation>
            <numerusform>共有%n条记录使用这个中文名，都将取此英文名。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the English name</source>
        <translation>保存英文名</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved: the English name of {name} is now {text}.</source>
        <translation>已保存：{name}的英文名现为“{text}”。</translation>
    </message>
    <message>
        <source>empty (the Chinese name is shown)</source>
        <translation>空（显示中文名）</translation>
    </message>
    <message>
        <source>Saving the English name</source>
        <translation>正在保存英文名</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Post category</source>
        <translation>岗位类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Certification register</source>
        <translation>持证上岗</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>持证上岗</translation>
    </message>
    <message>
        <source>Employee no. or name…</source>
        <translation>工号或姓名…</translation>
    </message>
    <message>
        <source>Employee numbers match from the start, names anywhere</source>
        <translation>工号从开头匹配，姓名任意位置匹配</translation>
    </message>
    <message>
        <source>All post categories</source>
        <translation>全部岗位类别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>In post</source>
        <translation>在岗期间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>A certificate counts when it qualifies for the person&apos;s post category and is valid on the date shown above.</source>
        <translation>证书须与本人岗位类别对应，并在上方所示日期有效，方计入持证。</translation>
    </message>
    <message>
        <source>Select a person to see their certificates</source>
        <translation>选择一名员工以查看其证书</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to {file}</source>
        <translation>
            <numerusform>已将 %Ln 行写入 {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>No one in this unit matches the search and filters.</source>
        <translation>本机构没有符合搜索和筛选条件的人员。</translation>
    </message>
    <message>
        <source>Clear the search and filters</source>
        <translation>清除搜索和筛选条件</translation>
    </message>
    <message>
        <source>No front-line staff in this unit yet: import the branches&apos; certification returns on the Returns page.</source>
        <translation>本机构尚无一线员工：请在“报表”页导入各分行的持证上岗情况表。</translation>
    </message>
    <message>
        <source>Open the Returns page</source>
        <translation>打开“报表”页</translation>
    </message>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>register_{unit}_{date}.xlsx</source>
        <translation>持证上岗名册_{unit}_{date}.xlsx</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>导出持证上岗名册</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>共 %Ln 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Certification register — {unit}, as of {date}</source>
        <translation>持证上岗名册 — {unit}（截至 {date}）</translation>
    </message>
    <message>
        <source>Exporting the register</source>
        <translation>正在导出持证上岗名册</translation>
    </message>
</context>
<context>
    <name>ReturnsBoard</name>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s), imported {when} by {who}</source>
        <translation>
            <numerusform>%Ln 行，{when} 由 {who} 导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>replaced %n earlier return(s)</source>
        <translation>
            <numerusform>已替代此前报送的 %n 份报表</numerusform>
        </translation>
    </message>
    <message>
        <source>a later file was refused: {file}</source>
        <translation>之后报送的文件被退回：{file}</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Returns</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Branch returns: check, import, see what is in — {period}</source>
        <translation>分行报表：检查、导入、查看收取情况 — {period}</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Choose return files, or drop several files on this page</source>
        <translation>选择报表文件，或将多个文件拖放到本页</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>从列表移除</translation>
    </message>
    <message>
        <source>Set unit and period…</source>
        <translation>指定填报单位和报告期…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Check the selected files again: after correcting them in Excel (save them under the same name), or after a cancelled check</source>
        <translation>重新检查所选文件：在 Excel 中改正并以原文件名保存后，或检查被取消后</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>报表模板…</translation>
    </message>
    <message>
        <source>Write return templates for one or many units into a folder</source>
        <translation>为一个或多个机构生成报表模板并保存到文件夹</translation>
    </message>
    <message>
        <source>Copy problems</source>
        <translation>复制问题</translation>
    </message>
    <message>
        <source>Copy the selected problems (all when none is selected) as &apos;sheet!cell: message&apos; lines</source>
        <translation>将选中的问题（未选中时为全部问题）按“工作表!单元格: 说明”逐行复制</translation>
    </message>
    <message>
        <source>Drop the returns the branches sent here (several at once), or use “Add files…”. Each file is checked first; nothing is written until you press “Import”.</source>
        <translation>将各分行报送的报表拖放到这里（可一次多个），或点击“添加文件…”。每个文件先检查，点击“导入”之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Received returns</source>
        <translation>收取情况</translation>
    </message>
    <message>
        <source>Returns of {period} from the branches of {unit}. Hover over a cell for the file and who imported it.</source>
        <translation>{unit}所辖分行{period}报表收取情况。鼠标停在单元格上可查看文件及导入人。</translation>
    </message>
    <message>
        <source>Left out: {files}</source>
        <translation>已跳过：{files}</translation>
    </message>
    <message>
        <source>Checking returns</source>
        <translation>正在检查报表</translation>
    </message>
    <message>
        <source>Importing returns</source>
        <translation>正在导入报表</translation>
    </message>
    <message>
        <source>Select a file to see its problems and changes.</source>
        <translation>选择一个文件，查看其问题和变动。</translation>
    </message>
    <message>
        <source>{file}: checking…</source>
        <translation>{file}：正在检查…</translation>
    </message>
    <message numerus="yes">
        <source>{file}: imported, with %n warning(s) below to read.</source>
        <translation>
            <numerusform>{file}：已导入，另有 %n 条提醒，请阅读下方。</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: no problems; {changes} {warnings}</source>
        <translation>{file}：没有问题；{changes}{warnings}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) ready to import.</source>
        <translation>
            <numerusform>%n 处变动可以导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read the %n warning(s) below first.</source>
        <translation>
            <numerusform>请先阅读下面的 %n 条提醒。</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: no problems; {changes}</source>
        <translation>{file}：没有问题；{changes}</translation>
    </message>
    <message>
        <source>Select a file in the list above: the records importing it would add, change or replace are listed here.</source>
        <translation>在上方列表中选择一个文件，这里会列出导入后将新增、修改或替换的记录。</translation>
    </message>
    <message>
        <source>{file} is being checked; what importing it would change is listed here when the check ends.</source>
        <translation>正在检查{file}，检查完成后，这里会列出导入后的变动。</translation>
    </message>
    <message>
        <source>{file} has not been checked. Check it, and what importing it would change is listed here.</source>
        <translation>{file}尚未检查。检查后，这里会列出导入后的变动。</translation>
    </message>
    <message>
        <source>{file} needs its unit and period before it can be checked; then what importing it would change is listed here.</source>
        <translation>{file}需先指定填报单位和报告期才能检查，检查后这里会列出导入后的变动。</translation>
    </message>
    <message>
        <source>{file} changes nothing while it has problems (see the Problems tab). Fix them in the file and check it again: its changes are then listed here.</source>
        <translation>{file}存在问题（见“问题”页签），暂不会导入任何内容。请在文件中改正后重新检查，这里会列出导入后的变动。</translation>
    </message>
    <message>
        <source>{file} was imported before: importing it again changes nothing.</source>
        <translation>{file}此前已经导入过，再次导入不会有任何变化。</translation>
    </message>
    <message>
        <source>{file} is imported; it changed nothing.</source>
        <translation>{file}已导入，没有带来任何变动。</translation>
    </message>
    <message>
        <source>{file} changes nothing: everything in it is already recorded as it stands.</source>
        <translation>{file}的内容与系统中已有记录完全一致，导入后不会有任何变动。</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) written to {folder}</source>
        <translation>
            <numerusform>已生成 %n 个模板，保存在 {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: this very file was imported before; importing it again changes nothing.</source>
        <translation>{file}：这个文件此前已经导入过，再次导入不会有任何变化。</translation>
    </message>
    <message>
        <source>{file}: not checked — its check was cancelled. Press Check again to check it.</source>
        <translation>{file}：尚未检查（检查已取消）。请点击“重新检查”。</translation>
    </message>
    <message numerus="yes">
        <source>{file}: %n problem(s) — nothing from this file is imported until they are fixed in the file and it is checked again.</source>
        <translation>
            <numerusform>{file}：共 %n 个问题。须在文件中改正并重新检查，改正前该文件的任何数据都不会导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: imported.</source>
        <translation>{file}：已导入。</translation>
    </message>
    <message>
        <source>Import ({count})</source>
        <translation>导入（{count}）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Add returns</source>
        <translation>添加报表</translation>
    </message>
    <message>
        <source>Excel returns (*.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>Excel 报表 (*.xlsx *.xlsm *.xls *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Writing templates</source>
        <translation>正在生成报表模板</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Head-office secretary</source>
        <translation>总行秘书</translation>
    </message>
    <message>
        <source>Branch secretary</source>
        <translation>分行秘书</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>查看</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Local database file (SQLite) — one workstation, nothing to set up</source>
        <translation>本地数据库文件（SQLite）— 单机使用，无需配置</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Default: qsm.db in your user data folder</source>
        <translation>默认：用户数据文件夹中的 qsm.db</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Shared database server (PostgreSQL) — several workstations</source>
        <translation>共享数据库服务器（PostgreSQL）— 多台工作站共用</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database name:</source>
        <translation>数据库名：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>A new database is used from the next start of QSM Desktop.</source>
        <translation>更换的数据库将在下次启动 QSM Desktop 时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Returns to import:</source>
        <translation>待导入报表：</translation>
    </message>
    <message>
        <source>Exports:</source>
        <translation>导出文件：</translation>
    </message>
    <message>
        <source>Templates:</source>
        <translation>报表模板：</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>SQLite database (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>正在测试连接</translation>
    </message>
    <message>
        <source>The test failed.</source>
        <translation>测试未通过。</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>The file {path} does not exist. Start a new, empty database there?

Choose No to correct the path.</source>
        <translation>文件 {path} 不存在。要在此处新建一个空数据库吗？

选“否”可改正路径。</translation>
    </message>
    <message>
        <source>Not saved: {path} does not exist.</source>
        <translation>未保存：{path} 不存在。</translation>
    </message>
    <message>
        <source>Creating the database…</source>
        <translation>正在新建数据库…</translation>
    </message>
    <message>
        <source>Creating the database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Saved. No system keyring is available on this computer: the password is kept only until QSM Desktop closes and will be asked for again.</source>
        <translation>已保存。本机没有可用的系统密钥环：密码只保留到 QSM Desktop 关闭，下次需要重新输入。</translation>
    </message>
    <message>
        <source>Saved. The password is kept in the system keyring, not in the settings file.</source>
        <translation>已保存。密码保存在系统密钥环中，不写入设置文件。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database, language and folders of this workstation</source>
        <translation>本工作站的数据库、语言和文件夹</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer: a password is kept only until QSM Desktop closes. It is never written to the settings file.</source>
        <translation>本机没有可用的系统密钥环：密码只保留到 QSM Desktop 关闭，且从不写入设置文件。</translation>
    </message>
    <message>
        <source>A password for this server is kept in the system keyring. Type a new one to replace it.</source>
        <translation>该服务器的密码已保存在系统密钥环中。输入新密码即可替换。</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring, never in the settings file.</source>
        <translation>密码保存在系统密钥环中，从不写入设置文件。</translation>
    </message>
    <message>
        <source>Settings file: {path}</source>
        <translation>设置文件：{path}</translation>
    </message>
</context>
<context>
    <name>ShowcaseApplicationsTab</name>
    <message>
        <source>Code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>所属分行</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score sheets</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>登记簿核对</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No application passes the filters: widen the branch or status filter.</source>
        <translation>没有符合筛选条件的申报：请放宽分行或状态筛选。</translation>
    </message>
    <message>
        <source>No applications yet: import the outlets&apos; showcase application forms on the Returns page.</source>
        <translation>尚无申报：请在“报表”页导入各网点的示范窗口申报表。</translation>
    </message>
    <message>
        <source>Open the Returns page</source>
        <translation>打开“报表”页</translation>
    </message>
    <message>
        <source>Declared figures differ from the registers</source>
        <translation>申报数据与登记簿不一致</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已摘牌</translation>
    </message>
    <message>
        <source>Past awards</source>
        <translation>以往所获称号</translation>
    </message>
    <message>
        <source>Titles won outside</source>
        <translation>外部所获称号</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Missing: {names}</source>
        <translation>缺少：{names}</translation>
    </message>
    <message>
        <source>(register: {value})</source>
        <translation>（登记簿：{value}）</translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Which required document is it?</source>
        <translation>这是哪一份必备附件？</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>（其他）</translation>
    </message>
    <message>
        <source>Title won outside</source>
        <translation>外部称号</translation>
    </message>
    <message>
        <source>Official name of the title (as announced):</source>
        <translation>称号的正式名称（以公布为准）：</translation>
    </message>
    <message>
        <source>Date announced (2007-12-31):</source>
        <translation>公布日期（如 2007-12-31）：</translation>
    </message>
    <message>
        <source>“{text}” is not a date.</source>
        <translation>“{text}”不是日期。</translation>
    </message>
    <message>
        <source>It counts as level:</source>
        <translation>计为级别：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>分行：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Add attachment…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Record a title won outside…</source>
        <translation>登记外部称号…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Recommend (branch)</source>
        <translation>分行推荐</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>进入总行评审</translation>
    </message>
    <message>
        <source>Not awarded</source>
        <translation>不予通过</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Nominate to next level</source>
        <translation>向上级推荐</translation>
    </message>
</context>
<context>
    <name>ShowcaseAwardsTab</name>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>授予日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Re-inspection due</source>
        <translation>复查到期</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Revoked {date}: {reason}</source>
        <translation>{date} 摘牌：{reason}</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Held on {date}: national level {national} (plan target {target}) · head-office level {head} · branch level {branch}</source>
        <translation>{date} 持有称号：全国级 {national} 个（规划目标 {target}）· 总行级 {head} 个 · 分行级 {branch} 个</translation>
    </message>
    <message>
        <source>No award cycle yet: import showcase application forms on the Returns page.</source>
        <translation>尚无评选周期：请在“报表”页导入示范窗口申报表。</translation>
    </message>
    <message>
        <source>No awards yet in this cycle: the committee awards it on the Ranking tab, within the quota.</source>
        <translation>本周期尚未授予：由评审委员会在“排名”页按名额授予。</translation>
    </message>
    <message>
        <source>Go to the ranking</source>
        <translation>转到排名</translation>
    </message>
    <message>
        <source>Your role does not award a cycle.</source>
        <translation>您的角色不能授予。</translation>
    </message>
    <message>
        <source>No award to print yet: award the cycle on the Ranking tab first.</source>
        <translation>尚无可打印的证书：请先在“排名”页授予。</translation>
    </message>
    <message>
        <source>Select an award to print its certificate.</source>
        <translation>请选择一项授予以打印其证书。</translation>
    </message>
    <message>
        <source>Print the selected certificate</source>
        <translation>打印所选证书</translation>
    </message>
    <message>
        <source>Save every certificate of the cycle as one PDF</source>
        <translation>将本周期全部证书保存为一个 PDF</translation>
    </message>
    <message>
        <source>No award to revoke.</source>
        <translation>没有可撤销的授予。</translation>
    </message>
    <message>
        <source>Select a valid award to revoke it.</source>
        <translation>请选择一项有效的授予以撤销。</translation>
    </message>
    <message>
        <source>Revoke the selected award (its number is kept)</source>
        <translation>撤销所选授予（证书编号保留）</translation>
    </message>
    <message>
        <source>Save certificates</source>
        <translation>保存荣誉证书</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing certificates</source>
        <translation>正在打印荣誉证书</translation>
    </message>
    <message>
        <source>Revoke {number}</source>
        <translation>摘牌 {number}</translation>
    </message>
    <message>
        <source>Reason (the number is kept and never reused):</source>
        <translation>摘牌原因（证书编号保留，不再使用）：</translation>
    </message>
    <message>
        <source>Export the awards register</source>
        <translation>导出称号登记簿</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Verify a certificate:</source>
        <translation>证书验证：</translation>
    </message>
    <message>
        <source>certificate number or scanned QR text</source>
        <translation>证书编号或扫描的二维码内容</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>摘牌…</translation>
    </message>
    <message>
        <source>Export register…</source>
        <translation>导出登记簿…</translation>
    </message>
</context>
<context>
    <name>ShowcasePage</name>
    <message>
        <source>Score sheets</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Showcase units</source>
        <translation>示范窗口</translation>
    </message>
    <message>
        <source>Award cycles, applications, on-site score sheets, ranking within the quota, awards and certificates</source>
        <translation>评选周期、申报、现场评分、名额内排名、授予与荣誉证书</translation>
    </message>
    <message>
        <source>Award cycle:</source>
        <translation>评选周期：</translation>
    </message>
    <message>
        <source>Edit cycle…</source>
        <translation>周期设置…</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申报</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Awards and certificates</source>
        <translation>授予与证书</translation>
    </message>
    <message>
        <source>No award cycle yet: import showcase application forms on the Returns page.</source>
        <translation>还没有评选周期：请在“报表”页导入示范窗口申报表。</translation>
    </message>
    <message>
        <source>{title} · announced {announced} · quota {quota} · sheet {sheet} ({points} points) · {apps} · {sheets} · panel of {panel}</source>
        <translation>{title} · 公布日期 {announced} · 名额 {quota} · 评分表 {sheet}（{points} 分）· {apps} · {sheets} · 评审专家 {panel} 人</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>申报 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>评分表 %n 份</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShowcaseRankingTab</name>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>机构代码</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Final score</source>
        <translation>最终得分</translation>
    </message>
    <message>
        <source>Valid sheets</source>
        <translation>有效评分表</translation>
    </message>
    <message>
        <source>Excluded (conflict)</source>
        <translation>回避（不计入）</translation>
    </message>
    <message>
        <source>Quota line</source>
        <translation>名额线</translation>
    </message>
    <message>
        <source>Flagged reviewers</source>
        <translation>评分偏离的专家</translation>
    </message>
    <message>
        <source>Declared vs registers</source>
        <translation>申报核对</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <source>Reviewer&apos;s unit</source>
        <translation>专家所在机构</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>To score</source>
        <translation>待评</translation>
    </message>
    <message>
        <source>Conflicted</source>
        <translation>需回避</translation>
    </message>
    <message>
        <source>Flagged far from the panel</source>
        <translation>评分偏离</translation>
    </message>
    <message>
        <source>Within quota</source>
        <translation>入围</translation>
    </message>
    <message>
        <source>Tied at the line</source>
        <translation>名额线处并列</translation>
    </message>
    <message>
        <source>Outside</source>
        <translation>线外</translation>
    </message>
    <message>
        <source>No valid sheet</source>
        <translation>无有效评分</translation>
    </message>
    <message>
        <source>Award the top {n}…</source>
        <translation>授予前 {n} 名…</translation>
    </message>
    <message numerus="yes">
        <source>Tie at the quota line: {names} share a rank for %n place(s). The committee decides; it is never broken silently.</source>
        <translation>
            <numerusform>名额线处并列：{names} 同分并列，只剩 %n 个名额。须由评审委员会决定，系统不会自行取舍。</numerusform>
        </translation>
    </message>
    <message>
        <source>Decided on {date}.</source>
        <translation>已于 {date} 作出授予决定。</translation>
    </message>
    <message>
        <source>No tie at the quota line.</source>
        <translation>名额线处没有并列。</translation>
    </message>
    <message>
        <source>Tie at the quota line</source>
        <translation>名额线处并列</translation>
    </message>
    <message>
        <source>The committee&apos;s choice for a remaining place:</source>
        <translation>评审委员会为剩余名额选定：</translation>
    </message>
    <message>
        <source>Quota:</source>
        <translation>名额：</translation>
    </message>
    <message>
        <source>Decision date:</source>
        <translation>决定日期：</translation>
    </message>
    <message>
        <source>Meeting ref.:</source>
        <translation>会议纪要：</translation>
    </message>
    <message>
        <source>e.g. SQC [2007] No. 5</source>
        <translation>如 服质委〔2007〕5号</translation>
    </message>
</context>
<context>
    <name>ShowcaseSheetsTab</name>
    <message>
        <source>Reviewer</source>
        <translation>评审专家</translation>
    </message>
    <message>
        <source>Reviewer&apos;s unit</source>
        <translation>专家所在机构</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>评审日期</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>Deductions without reason</source>
        <translation>未写扣分原因</translation>
    </message>
    <message>
        <source>Excluded: conflict of interest</source>
        <translation>回避：不计入</translation>
    </message>
    <message>
        <source>Dropped (highest)</source>
        <translation>去掉（最高分）</translation>
    </message>
    <message>
        <source>Dropped (lowest)</source>
        <translation>去掉（最低分）</translation>
    </message>
    <message>
        <source>far from the panel ({z:+.1f} SD)</source>
        <translation>偏离其他专家（{z:+.1f} 个标准差）</translation>
    </message>
    <message>
        <source>“{item}”: points deducted without a reason</source>
        <translation>“{item}”扣分但未写扣分原因</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>总分：{total}</translation>
    </message>
    <message>
        <source>You are not on a review panel yet: ask the head-office secretary to add you.</source>
        <translation>您还不在任何评审组中：请总行秘书把您加入评审组。</translation>
    </message>
    <message>
        <source>No application of this cycle is assigned to you.</source>
        <translation>本周期没有分配给您评审的申报。</translation>
    </message>
    <message>
        <source>A score cannot exceed the item&apos;s points ({points}).</source>
        <translation>得分不能高于该项分值（{points}）。</translation>
    </message>
    <message>
        <source>A score cannot be negative.</source>
        <translation>得分不能为负数。</translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation>“{text}”不是数字。</translation>
    </message>
    <message>
        <source>Sheet saved with warnings</source>
        <translation>评分表已保存（有提醒）</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>申报单位：</translation>
    </message>
    <message>
        <source>Score grid (a score above the item&apos;s points is refused)</source>
        <translation>评分录入（得分不得高于分值）</translation>
    </message>
    <message>
        <source>Reviewer:</source>
        <translation>评审专家：</translation>
    </message>
    <message>
        <source>Reviewer&apos;s org code:</source>
        <translation>专家所在机构代码：</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评价项目</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Reason for deduction</source>
        <translation>扣分原因</translation>
    </message>
    <message>
        <source>Save sheet</source>
        <translation>保存评分表</translation>
    </message>
</context>
<context>
    <name>ShowcaseTerms</name>
    <message>
        <source>head-office level</source>
        <translation>总行级</translation>
    </message>
    <message>
        <source>branch level</source>
        <translation>分行级</translation>
    </message>
    <message>
        <source>national level</source>
        <translation>全国级</translation>
    </message>
    <message>
        <source>Staff in post</source>
        <translation>在岗员工数</translation>
    </message>
    <message>
        <source>Certified staff</source>
        <translation>持证上岗人数</translation>
    </message>
    <message>
        <source>Lobby managers</source>
        <translation>大堂经理人数</translation>
    </message>
    <message>
        <source>Valid complaints in the year</source>
        <translation>年度有效投诉件数</translation>
    </message>
    <message>
        <source>Mystery shopper average</source>
        <translation>神秘访客平均得分</translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <source>Outlet manager</source>
        <translation>网点负责人</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Honours in the last three years</source>
        <translation>近三年所获荣誉</translation>
    </message>
    <message>
        <source>Summary of the work</source>
        <translation>创建工作简述</translation>
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
        <translation>改为打开本地数据库</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>You can choose another database on the Settings page afterwards.</source>
        <translation>之后可在“设置”页选择其他数据库。</translation>
    </message>
    <message>
        <source>Screenshots failed: {error}</source>
        <translation>截图失败：{error}</translation>
    </message>
    <message>
        <source>This database has logins, so --screenshot cannot open it without one. Take screenshots of a database without accounts, e.g. with --demo.</source>
        <translation>此数据库已启用登录，--screenshot 无法在不登录的情况下打开它。请对没有账户的数据库截图，例如使用 --demo。</translation>
    </message>
</context>
<context>
    <name>SystemEditorPanel</name>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
</context>
<context>
    <name>SystemTreePanel</name>
    <message>
        <source>Add indicator</source>
        <translation>增加指标</translation>
    </message>
    <message>
        <source>Remove indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Category / indicator</source>
        <translation>类别 / 指标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>评分规则</translation>
    </message>
    <message>
        <source>The weights must add up to 100 (now {total})</source>
        <translation>权重合计应为 100 分（现为 {total}）</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Show all columns</source>
        <translation>显示全部列</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Export templates</source>
        <translation>生成报表模板</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Return:</source>
        <translation>报表：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>报告期：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Units (one file each):</source>
        <translation>机构（每个机构一个文件）：</translation>
    </message>
    <message>
        <source>Folder for the templates</source>
        <translation>模板保存文件夹</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Service awareness</source>
        <translation>服务意识</translation>
    </message>
    <message>
        <source>Service norms</source>
        <translation>服务规范</translation>
    </message>
    <message>
        <source>Marketing skills</source>
        <translation>营销技能</translation>
    </message>
    <message>
        <source>Post skills</source>
        <translation>专业岗位</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>新业务</translation>
    </message>
    <message>
        <source>Certification training</source>
        <translation>持证上岗培训</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>External</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>{attended} of {staff} staff</source>
        <translation>{staff}人中{attended}人参训</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>C03 coverage</source>
        <translation>C03覆盖率</translation>
    </message>
    <message>
        <source>{attended} of {staff} staff attended a service-awareness or service-norms course</source>
        <translation>{staff}人中{attended}人参加过服务意识或服务规范培训</translation>
    </message>
    <message>
        <source>Hours per head</source>
        <translation>人均学时</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>{certified} of {at_risk} attendees not certified at the start were certified by {until}; {others_certified} of {others} same-post staff who did not attend</source>
        <translation>参训时未持证的{at_risk}人中，截至{until}有{certified}人取证；同岗位未参训的{others}人中有{others_certified}人取证</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>培训项目名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>培训类别</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>平均成绩</translation>
    </message>
    <message>
        <source>Certified in 180 days</source>
        <translation>180天内取证率</translation>
    </message>
    <message>
        <source>Not trained, same posts</source>
        <translation>同岗未参训取证率</translation>
    </message>
    <message>
        <source>Difference (points)</source>
        <translation>差异（百分点）</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>统计截至：</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Edit course…</source>
        <translation>编辑培训项目…</translation>
    </message>
    <message>
        <source>Staff on the roster</source>
        <translation>在岗员工</translation>
    </message>
    <message>
        <source>Service-norms coverage (C03)</source>
        <translation>服务规范培训覆盖率（C03）</translation>
    </message>
    <message>
        <source>Trained on any course</source>
        <translation>参加任一培训</translation>
    </message>
    <message>
        <source>Training hours per head</source>
        <translation>人均培训学时</translation>
    </message>
    <message>
        <source>Exam pass rate</source>
        <translation>考核合格率</translation>
    </message>
    <message>
        <source>Mean satisfaction (1–5)</source>
        <translation>平均满意度（1–5）</translation>
    </message>
    <message>
        <source>Share of the staff on the roster who attended a service-awareness or service-norms course this year (indicator C03)</source>
        <translation>本年内参加过服务意识或服务规范培训的在岗员工占比（指标C03）</translation>
    </message>
    <message>
        <source>Coverage by unit</source>
        <translation>各机构覆盖率</translation>
    </message>
    <message>
        <source>Courses and effect</source>
        <translation>培训项目与效果</translation>
    </message>
    <message>
        <source>Reaction: mean satisfaction (1–5). Learning: mean exam score and pass rate. Effect of certification training: share of attendees not yet certified who were certified within 180 days after the course, against staff of the same posts who did not attend.</source>
        <translation>反应层：平均满意度（1–5）。学习层：平均考核成绩与合格率。持证上岗培训效果：参训时未持证的人员在培训结束后180天内取得证书的比例，与同岗位未参训人员对比。</translation>
    </message>
    <message>
        <source>Courses ended {start} – {end}; staff on the roster on {end}</source>
        <translation>统计{start}至{end}结束的培训；人员为{end}在岗员工</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) on the roster attended no {categories} course this year (the staff C03 does not count)</source>
        <translation>
            <numerusform>在册人员中有 %Ln 人本年度未参加{categories}培训（即 C03 未覆盖的人员）</numerusform>
        </translation>
    </message>
    <message>
        <source>(the first {shown} are listed; the export has all)</source>
        <translation>（此处列出前{shown}名，导出文件含全部）</translation>
    </message>
    <message>
        <source>Any course</source>
        <translation>参加任一培训</translation>
    </message>
    <message>
        <source>No staff on the roster in this unit</source>
        <translation>该机构暂无在岗员工</translation>
    </message>
    <message>
        <source>Same posts, not trained</source>
        <translation>同岗位未参训人员</translation>
    </message>
    <message>
        <source>Course attendees</source>
        <translation>参训人员</translation>
    </message>
    <message>
        <source>No certification training in this period</source>
        <translation>本期没有持证上岗培训</translation>
    </message>
    <message>
        <source>Window open
until {date}</source>
        <translation>观察期至{date}
届时计算</translation>
    </message>
    <message>
        <source>Certification training: certified within {days} days after the course</source>
        <translation>持证上岗培训效果：培训结束后{days}天内取得证书的比例</translation>
    </message>
    <message>
        <source>{unit} — coverage by training category</source>
        <translation>{unit} — 各培训类别覆盖率</translation>
    </message>
    <message>
        <source>{unit} — coverage of the subunits ({categories} / any course)</source>
        <translation>{unit} — 下属机构培训覆盖率（{categories} / 任一培训）</translation>
    </message>
    <message>
        <source>Saving the course</source>
        <translation>正在保存培训项目</translation>
    </message>
    <message>
        <source>training_{unit}_{date}.xlsx</source>
        <translation>培训统计_{unit}_{date}.xlsx</translation>
    </message>
    <message>
        <source>Export the training figures</source>
        <translation>导出培训统计</translation>
    </message>
    <message>
        <source>The 180-day window runs until {date}; the effect is stated once it has closed</source>
        <translation>180 天观察期至 {date}，届满后才计算培训效果</translation>
    </message>
    <message>
        <source>Not covered by C03</source>
        <translation>C03未覆盖人员</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the training figures</source>
        <translation>正在导出培训统计</translation>
    </message>
</context>
<context>
    <name>UnitSelector</name>
    <message>
        <source>Choose the unit (branch, sub-branch, outlet) every page shows</source>
        <translation>选择各页面显示的机构（分行、支行、网点）</translation>
    </message>
    <message>
        <source>Search by code or name</source>
        <translation>按代码或名称查找</translation>
    </message>
</context>
<context>
    <name>ValueDialog</name>
    <message>
        <source>Enter a value</source>
        <translation>录入指标值</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Indicator:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>e.g. 97, 0.97 or 97%</source>
        <translation>如 97、0.97 或 97%</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>Why the value is entered by hand</source>
        <translation>手工录入的原因</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
</TS>
