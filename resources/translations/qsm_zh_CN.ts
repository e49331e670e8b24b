<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Indicator system</source>
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
        <source>Head office</source>
        <translation>总行</translation>
    </message>
    <message>
        <source>Head-office department</source>
        <translation>总行部门</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分行</translation>
    </message>
    <message>
        <source>Sub-branch</source>
        <translation>支行</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
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
        <source>User: {login} ({role})</source>
        <translation>用户：{login}（{role}）</translation>
    </message>
    <message>
        <source>Period: {period}</source>
        <translation>报告期：{period}</translation>
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
        <source>Indicator system</source>
        <translation>指标体系</translation>
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
        <source>{units} units · {outlets} outlets · {staff} staff in post · {certified} certified</source>
        <translation>机构 {units} 个 · 网点 {outlets} 个 · 在岗 {staff} 人 · 持证 {certified} 人</translation>
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
        <source>Training ({count} courses)</source>
        <translation>培训记录（{count}项）</translation>
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
        <source>Publish as incomplete (the office&apos;s decision); the incomplete units are graded and ranked on the data available</source>
        <translation>按不完整数据发布（办公室决定）：数据不全的单位按现有数据评定等级和排名</translation>
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
    <message>
        <source>{total} people</source>
        <translation>共 {total} 人</translation>
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
    <message>
        <source>{count} rows written to {file}</source>
        <translation>已将 {count} 行写入 {file}</translation>
    </message>
</context>
<context>
    <name>ReturnsBoard</name>
    <message>
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>{rows} rows, imported {when} by {who}</source>
        <translation>{rows} 行，{when} 由 {who} 导入</translation>
    </message>
    <message>
        <source>replaced {count} earlier return(s)</source>
        <translation>已替代此前报送的 {count} 份报表</translation>
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
    <message>
        <source>{file}: {count} problem(s) — nothing from this file is imported until they are fixed in the file and it is added again.</source>
        <translation>{file}：共 {count} 个问题。须在文件中改正后重新添加，改正前该文件的任何数据都不会导入。</translation>
    </message>
    <message>
        <source>{file}: this very file was imported before; importing it again changes nothing.</source>
        <translation>{file}：这个文件此前已经导入过，再次导入不会有任何变化。</translation>
    </message>
    <message>
        <source>{file}: imported.</source>
        <translation>{file}：已导入。</translation>
    </message>
    <message>
        <source>{file}: no problems; {changes} change(s) ready to import. Read the {count} warning(s) below first.</source>
        <translation>{file}：没有问题；{changes} 处变动可以导入。请先阅读下面的 {count} 条提醒。</translation>
    </message>
    <message>
        <source>{file}: no problems; {changes} change(s) ready to import.</source>
        <translation>{file}：没有问题；{changes} 处变动可以导入。</translation>
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
        <source>{count} template(s) written to {folder}</source>
        <translation>已生成 {count} 个模板，保存在 {folder}</translation>
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
        <source>All</source>
        <translation>全部</translation>
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
        <source>{title} · announced {announced} · quota {quota} · sheet {sheet} ({points} points) · {apps} applications · {sheets} sheets · panel of {panel}</source>
        <translation>{title} · 公布日期 {announced} · 名额 {quota} · 评分表 {sheet}（{points} 分）· 申报 {apps} 个 · 评分表 {sheets} 份 · 评审专家 {panel} 人</translation>
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
    <message>
        <source>Tie at the quota line: {names} share a rank for {seats} place(s). The committee decides; it is never broken silently.</source>
        <translation>名额线处并列：{names} 同分并列，只剩 {seats} 个名额。须由评审委员会决定，系统不会自行取舍。</translation>
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
        <source>e.g. 服质委〔2007〕5号</source>
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
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>recommended by the branch</source>
        <translation>分行推荐</translation>
    </message>
    <message>
        <source>under head-office review</source>
        <translation>总行评审中</translation>
    </message>
    <message>
        <source>awarded</source>
        <translation>已授予</translation>
    </message>
    <message>
        <source>not awarded</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
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
        <source>The 180-day window runs until {date}</source>
        <translation>180天观察期至{date}，尚未结束</translation>
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
        <source>Never trained on service norms</source>
        <translation>未参加服务规范培训</translation>
    </message>
    <message>
        <source>Reaction: mean satisfaction (1–5). Learning: mean exam score and pass rate. Effect of certification training: share of attendees not yet certified who were certified within 180 days after the course, against staff of the same posts who did not attend.</source>
        <translation>反应层：平均满意度（1–5）。学习层：平均考核成绩与合格率。持证上岗培训效果：参训时未持证的人员在培训结束后180天内取得证书的比例，与同岗位未参训人员对比。</translation>
    </message>
    <message>
        <source>Courses ended {start} – {end}; staff on the roster on {end}</source>
        <translation>统计{start}至{end}结束的培训；人员为{end}在岗员工</translation>
    </message>
    <message>
        <source>{total} people on the roster have never attended a service-norms course</source>
        <translation>{total}名在岗员工从未参加服务规范培训</translation>
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
