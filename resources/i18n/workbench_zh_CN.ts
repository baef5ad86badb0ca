<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>A3Action</name>
    <message>
        <source>A3 report…</source>
        <translation>A3报告…</translation>
    </message>
    <message>
        <source>Save this problem&apos;s one-page A3 sheet as PDF</source>
        <translation>将此问题的一页A3报告保存为PDF</translation>
    </message>
    <message>
        <source>Making the A3 sheet of %1…</source>
        <translation>正在生成 %1 的A3报告…</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <source>KPI</source>
        <translation>KPI指标</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始期间</translation>
    </message>
    <message>
        <source>Last breach</source>
        <translation>最近异常</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>异常次数</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Evaluate now</source>
        <translation>立即评估</translation>
    </message>
    <message>
        <source>Propose closing after this many periods in range:</source>
        <translation>连续正常多少期后建议关闭：</translation>
    </message>
    <message>
        <source>%1 open alerts</source>
        <translation>%1 条未关闭的预警</translation>
    </message>
    <message>
        <source>Close the alert on %1</source>
        <translation>关闭 %1 的预警</translation>
    </message>
    <message>
        <source>Evaluate the KPIs</source>
        <translation>评估KPI</translation>
    </message>
    <message>
        <source>Propose closing after %1 periods</source>
        <translation>连续正常 %1 期后建议关闭</translation>
    </message>
</context>
<context>
    <name>AttachmentsView</name>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Paste a screenshot or copied files (Ctrl+V)</source>
        <translation>粘贴截图或已复制的文件（Ctrl+V）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Drop files here or paste a screenshot (Ctrl+V).</source>
        <translation>将文件拖到此处，或粘贴截图（Ctrl+V）。</translation>
    </message>
    <message>
        <source>No preview for this kind of file: Open shows it.</source>
        <translation>此类文件无法预览：请点击“打开”查看。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>The clipboard holds no image or file to attach.</source>
        <translation>剪贴板中没有可添加为附件的图片或文件。</translation>
    </message>
    <message>
        <source>Add attachment %1</source>
        <translation>添加附件 %1</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加%1。</translation>
    </message>
    <message>
        <source>No program on this computer opens %1.</source>
        <translation>此电脑上没有可打开%1的程序。</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存到%1。</translation>
    </message>
    <message>
        <source>Remove attachment %1</source>
        <translation>移除附件 %1</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已移除%1。</translation>
    </message>
    <message>
        <source>Removed %1. Ctrl+Z brings it back.</source>
        <translation>已移除 %1。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>%1 is back.</source>
        <translation>%1已恢复。</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>Attendance</source>
        <translation>参训情况</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>0–100</source>
        <translation>0–100</translation>
    </message>
    <message>
        <source>Set score</source>
        <translation>记录成绩</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Save the session first, then take its attendance.</source>
        <translation>请先保存培训记录，再登记参训人员。</translation>
    </message>
    <message>
        <source>%1 attended. Grey: left the plant since.</source>
        <translation>共 %1 人参训。灰色：此后已离职。</translation>
    </message>
</context>
<context>
    <name>BackupsView</name>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>审计条目</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Backups are made of a database file, not of a server.</source>
        <translation>备份针对数据库文件，服务器数据库请用其自带工具备份。</translation>
    </message>
    <message>
        <source>Kept in %1: the newest of each of the last %2 days, %3 weeks and %4 months.</source>
        <translation>保存在 %1：保留最近 %2 天、%3 周和 %4 个月中每个时段最新的一份。</translation>
    </message>
    <message>
        <source>Select the backup to restore.</source>
        <translation>请选择要恢复的备份。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace the database with the backup of %1? The current database is kept beside it, and the program closes; start it again to work on the backup.</source>
        <translation>用备份 %1 替换当前数据库吗？当前数据库会另存在旁边，程序随后关闭；再次启动即可使用恢复的数据。</translation>
    </message>
    <message>
        <source>Restored. The database it replaced is kept as %1.</source>
        <translation>已恢复。被替换的数据库保存为 %1。</translation>
    </message>
</context>
<context>
    <name>BehindDialog</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 problems; double-click one to open it.</source>
        <translation>共 %1 个问题；双击打开。</translation>
    </message>
</context>
<context>
    <name>CauseForm</name>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>This is a root cause</source>
        <translation>这是根本原因</translation>
    </message>
    <message>
        <source>The cause is confirmed by evidence</source>
        <translation>该原因已有证据证实</translation>
    </message>
</context>
<context>
    <name>ChainSection</name>
    <message>
        <source>+ Cause</source>
        <translation>+ 原因</translation>
    </message>
    <message>
        <source>Add a cause of the problem</source>
        <translation>为问题添加一个原因</translation>
    </message>
    <message>
        <source>+ Solution</source>
        <translation>+ 解决方案</translation>
    </message>
    <message>
        <source>Add a solution to the cause selected</source>
        <translation>为所选原因添加解决方案</translation>
    </message>
    <message>
        <source>+ Result</source>
        <translation>+ 效果</translation>
    </message>
    <message>
        <source>Add a measured result of the solution selected</source>
        <translation>为所选解决方案添加测得的效果</translation>
    </message>
    <message>
        <source>Delete it with what hangs under it; Ctrl+Z</source>
        <translation>连同其下的内容一起删除；Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Verify result</source>
        <translation>验证效果</translation>
    </message>
    <message>
        <source>Confirm the measured figures. The four-eyes rule: whoever entered a result&apos;s baseline or value after does not verify it (Settings → Team rules).</source>
        <translation>确认测得的数值。四眼原则：录入效果基线值或改进后值的人不能自己验证（设置 → 团队规则）。</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Unverify</source>
        <translation>取消验证</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ChainTree</name>
    <message>
        <source>Cause → solution → result</source>
        <translation>原因 → 解决方案 → 效果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Who · when</source>
        <translation>人员 · 日期</translation>
    </message>
    <message>
        <source>New problem</source>
        <translation>新问题</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>已逾期：%1</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Your edit and the saved version</source>
        <translation>您的修改与已保存的版本</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Your edit</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <source>Saved now</source>
        <translation>当前已保存</translation>
    </message>
    <message>
        <source>Save mine over theirs</source>
        <translation>用我的覆盖对方的</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <source>Nothing was overwritten. Choose which version the problem keeps.</source>
        <translation>尚未覆盖任何内容。请选择该问题保留哪个版本。</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>People trained on each module / people in the department today. Someone who moved counts where they are now, with the sessions they attended before; someone who left counts nowhere.</source>
        <translation>各模块已培训人数 / 部门当前人数。调岗的人计入现在所在的部门，并带上此前参加的培训；已离职的人不计入任何部门。</translation>
    </message>
    <message>
        <source>%1 of the %2 people of %3 trained on %4</source>
        <translation>%3的 %2 人中有 %1 人接受过%4培训</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>No KPIs yet: add the articles&apos; KPIs on the KPIs page.</source>
        <translation>还没有KPI：请在“KPI指标”页添加文章中的KPI。</translation>
    </message>
    <message>
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI指标</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始期间</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Improved</source>
        <translation>改善</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>效果回退</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未关闭的预警</translation>
    </message>
    <message>
        <source>Improvement effects</source>
        <translation>改进效果</translation>
    </message>
    <message>
        <source>The Dashboard could not be read: %1 It is read again at the next change.</source>
        <translation>仪表盘无法读取：%1 下次有更改时会重新读取。</translation>
    </message>
    <message>
        <source>Open alerts (%1)</source>
        <translation>未关闭的预警（%1）</translation>
    </message>
    <message>
        <source>Whole plant</source>
        <translation>全厂</translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message>
        <source>The record is sound: %1 audit entries verified, storage sound.</source>
        <translation>记录完好：已验证 %1 条审计记录，存储完好。</translation>
    </message>
    <message>
        <source>%1 entries were new since the last check; the full check re-verifies all.</source>
        <translation>其中 %1 条是上次检查后新增的；完整检查会重新验证全部记录。</translation>
    </message>
    <message>
        <source>%1 entries are new to this computer (written elsewhere).</source>
        <translation>%1 条记录是本机首次见到的（由别处写入）。</translation>
    </message>
    <message>
        <source>The anchor could not be saved: %1</source>
        <translation>无法保存锚点：%1</translation>
    </message>
    <message>
        <source>First check of this database here: its chain is taken as found and anchored.</source>
        <translation>本机首次检查此数据库：按现有审计链接受并锚定。</translation>
    </message>
    <message>
        <source>The database file is damaged: %1</source>
        <translation>数据库文件已损坏：%1</translation>
    </message>
    <message>
        <source>The audit chain was rewritten: %1</source>
        <translation>审计链被改写：%1</translation>
    </message>
    <message>
        <source>A code sequence was changed: %1</source>
        <translation>编号序列被改动：%1</translation>
    </message>
    <message>
        <source>The search index does not agree with the records: %1</source>
        <translation>搜索索引与记录不一致：%1</translation>
    </message>
    <message>
        <source>The record does not match its audit chain (entry or row %1): %2</source>
        <translation>记录与审计链不一致（条目或行 %1）：%2</translation>
    </message>
    <message>
        <source>Counting what to verify</source>
        <translation>正在统计需验证的内容</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>审计链</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Code sequences</source>
        <translation>编号序列</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <source>Checking the full database…</source>
        <translation>正在完整检查数据库…</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>Check cancelled: nothing was changed.</source>
        <translation>检查已取消：未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <source>%1 → not measured yet</source>
        <translation>%1 → 尚未测量</translation>
    </message>
    <message>
        <source>improved %1</source>
        <translation>改善 %1</translation>
    </message>
    <message>
        <source>worse by %1</source>
        <translation>恶化 %1</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Not verified · figures entered by %1, verified by someone else</source>
        <translation>未验证 · 数值由 %1 录入，须由他人验证</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>✓ %1, %2</source>
        <translation>✓ %1，%2</translation>
    </message>
    <message>
        <source>%1: %2 (%3 to %4) → %5 (from %6), improved %7; +30 days %8, +90 days %9</source>
        <translation>%1：%2（%3 至 %4）→ %5（自 %6 起），改善 %7；+30天 %8，+90天 %9</translation>
    </message>
    <message>
        <source>Relapse: it slid back</source>
        <translation>效果回退：指标已滑回</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Restore your unsaved edit from %1?</source>
        <translation>要恢复您在 %1 未保存的修改吗？</translation>
    </message>
    <message>
        <source>Unsaved edit</source>
        <translation>未保存的修改</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>What you typed is still in the form.</source>
        <translation>您输入的内容仍保留在表单中。</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search code, title, text, tags, people…</source>
        <translation>搜索编号、标题、内容、标签、人员…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>All ERP modules</source>
        <translation>全部ERP模块</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>全部工厂</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Problems with any of these tags, separated by commas</source>
        <translation>含任一标签的问题，多个标签用逗号分隔</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due before today and not closed</source>
        <translation>截止日期早于今天且未关闭</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Problems I own</source>
        <translation>我负责的问题</translation>
    </message>
    <message>
        <source>KPI alerts</source>
        <translation>KPI预警</translation>
    </message>
    <message>
        <source>Source: KPI alert (the tickets exception alerts opened)</source>
        <translation>来源：KPI异常预警（由异常预警生成的工单）</translation>
    </message>
</context>
<context>
    <name>FormsEditing</name>
    <message>
        <source>The form</source>
        <translation>表单</translation>
    </message>
</context>
<context>
    <name>FrozenChangesDialog</name>
    <message>
        <source>Changes to %1 since it was frozen</source>
        <translation>%1 冻结后的修改</translation>
    </message>
    <message>
        <source>From the audit trail, oldest first: each edit made after the freeze.</source>
        <translation>来自审计记录，最早的在前：冻结后做的每一处修改。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>HealthBreakdown</name>
    <message>
        <source>%1 green, %2 amber, %3 red</source>
        <translation>绿 %1、黄 %2、红 %3</translation>
    </message>
    <message>
        <source>%1 of %2 overdue</source>
        <translation>%2 项中 %1 项逾期</translation>
    </message>
    <message>
        <source>%1 open, %2 days on average</source>
        <translation>%1 个未关闭，平均 %2 天</translation>
    </message>
    <message>
        <source>%1 open of %2 series</source>
        <translation>%2 个序列中 %1 个预警</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>组成部分</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why is it %1? %2, %3</source>
        <translation>为什么是 %1 分？%2，%3</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>总分</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
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
        <source>From the audit trail, newest first.</source>
        <translation>来自审计记录，最新的在前。</translation>
    </message>
    <message>
        <source>%1 created</source>
        <translation>新建了%1</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>删除了%1</translation>
    </message>
    <message>
        <source>Status: %1 → %2</source>
        <translation>状态：%1 → %2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>KPI measurements</source>
        <translation>KPI测量值</translation>
    </message>
    <message>
        <source>Training attendance (sign-in sheet)</source>
        <translation>培训签到（签到表）</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>导入内容</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>CSV encoding</source>
        <translation>CSV 编码</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行的值</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation>正在打开文件…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Check the fields, then Preview.</source>
        <translation>请核对字段对应，然后点击“预览”。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Above the table, for every row: %1</source>
        <translation>表格上方（每行适用）：%1</translation>
    </message>
    <message>
        <source>The fields changed: Preview again.</source>
        <translation>字段对应已修改：请再次预览。</translation>
    </message>
    <message>
        <source>Reading every row…</source>
        <translation>正在读取每一行…</translation>
    </message>
    <message>
        <source>%1 to create, %2 to update, %3 unchanged, %4 skipped (blank or totals rows).</source>
        <translation>将新建 %1 条，更新 %2 条，%3 条不变，跳过 %4 行（空行或合计行）。</translation>
    </message>
    <message>
        <source>%1 people were not there (absent or not signed in).</source>
        <translation>%1 人未到（缺勤或未签到）。</translation>
    </message>
    <message>
        <source>New in the lists (created on import): %1</source>
        <translation>列表中尚无（导入时新建）：%1</translation>
    </message>
    <message>
        <source>%1 cells are rejected: correct the file, then Preview again.</source>
        <translation>%1 个单元格被拒绝：请修改文件后再次预览。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 updated.</source>
        <translation>已导入：新建 %1 条，更新 %2 条。</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>已取消导入：未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>ImprovementForm</name>
    <message>
        <source>No problem linked: score 0.</source>
        <translation>未关联问题：得分 0。</translation>
    </message>
    <message>
        <source>Score %1 = %2 (%3) × impact %4, from %5 (the highest of %6).</source>
        <translation>得分 %1 = %2（%3）× 影响度 %4，来自 %5（%6 个关联问题中最高）。</translation>
    </message>
    <message>
        <source>Improvement item</source>
        <translation>优化事项</translation>
    </message>
    <message>
        <source>What the team will improve</source>
        <translation>团队要改进什么</translation>
    </message>
    <message>
        <source>Problem codes, e.g. P-2026-0001, P-2026-0007</source>
        <translation>问题编号，例如 P-2026-0001, P-2026-0007</translation>
    </message>
    <message>
        <source>e.g. inventory variance rate</source>
        <translation>例如：库存差异率</translation>
    </message>
    <message>
        <source>e.g. 0.5</source>
        <translation>例如：0.5</translation>
    </message>
    <message>
        <source>e.g. %</source>
        <translation>例如：%</translation>
    </message>
    <message>
        <source>Why this place</source>
        <translation>排序依据</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>结转</translation>
    </message>
    <message>
        <source>%1 quarter(s) carried, since %2 (from %3)</source>
        <translation>已结转 %1 个季度，始于 %2（来自 %3）</translation>
    </message>
    <message>
        <source>Continued in %1 as %2</source>
        <translation>已结转到 %1，编号 %2</translation>
    </message>
</context>
<context>
    <name>ImprovementTable</name>
    <message>
        <source>Place</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>结转</translation>
    </message>
    <message>
        <source>%1 (proposed %2)</source>
        <translation>%1（建议 %2）</translation>
    </message>
    <message>
        <source>No problem linked</source>
        <translation>未关联问题</translation>
    </message>
    <message>
        <source>%1 (%2) × impact %3 of %4, the highest of its %5 problem(s)</source>
        <translation>%1（%2）× 影响度 %3，来自 %4，是其 %5 个关联问题中最高的</translation>
    </message>
    <message>
        <source>%1× since %2</source>
        <translation>%1 次，始于 %2</translation>
    </message>
    <message>
        <source>Changed after the list was frozen</source>
        <translation>清单冻结后修改过</translation>
    </message>
</context>
<context>
    <name>ImprovementViews</name>
    <message>
        <source>Frozen %1 by %2</source>
        <translation>%2 于 %1 冻结</translation>
    </message>
</context>
<context>
    <name>ImprovementsPage</name>
    <message>
        <source>New item</source>
        <translation>新建事项</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Add item %1</source>
        <translation>新建事项 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>The new item</source>
        <translation>新事项</translation>
    </message>
</context>
<context>
    <name>KnowledgeForm</name>
    <message>
        <source>e.g. How do I find which materials cause a variance?</source>
        <translation>例如：盘点差异怎么快速定位到具体物料？</translation>
    </message>
    <message>
        <source>comma-separated, e.g. 盘点, 库存差异</source>
        <translation>用逗号分隔，例如 盘点, 库存差异</translation>
    </message>
    <message>
        <source>Codes of related problems or training, e.g. P-2026-0001</source>
        <translation>相关问题或培训的编号，例如 P-2026-0001</translation>
    </message>
    <message>
        <source>Save the entry first, then add images.</source>
        <translation>请先保存条目，再添加图片。</translation>
    </message>
    <message>
        <source>New knowledge entry</source>
        <translation>新建知识条目</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <source>Most helpful</source>
        <translation>最有用</translation>
    </message>
    <message>
        <source>Most viewed</source>
        <translation>浏览最多</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>New tip</source>
        <translation>新建技巧</translation>
    </message>
    <message>
        <source>New FAQ</source>
        <translation>新建常见问题</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Yes, helpful</source>
        <translation>有用</translation>
    </message>
    <message>
        <source>No</source>
        <translation>没用</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>As readers see it</source>
        <translation>读者看到的效果</translation>
    </message>
    <message>
        <source>Was this helpful?</source>
        <translation>这条有用吗？</translation>
    </message>
    <message>
        <source>What people searched for and did not find: write the entry they need.</source>
        <translation>大家搜索过但没有找到的内容：请编写他们需要的条目。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Write an FAQ</source>
        <translation>编写常见问题</translation>
    </message>
    <message>
        <source>Tips and FAQs</source>
        <translation>技巧与常见问题</translation>
    </message>
    <message>
        <source>Searched, not found</source>
        <translation>搜索未找到</translation>
    </message>
    <message>
        <source>%1 found it helpful · %2 did not · %3 views</source>
        <translation>%1 人觉得有用 · %2 人觉得没用 · 浏览 %3 次</translation>
    </message>
    <message>
        <source>Add “%1”</source>
        <translation>新建“%1”</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <source>Vote on “%1”</source>
        <translation>评价“%1”</translation>
    </message>
</context>
<context>
    <name>KnowledgeTable</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title or question</source>
        <translation>标题或问题</translation>
    </message>
    <message>
        <source>ERP module</source>
        <translation>ERP模块</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>有用</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日期</translation>
    </message>
    <message>
        <source>Searched for</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Last searched</source>
        <translation>最近搜索</translation>
    </message>
</context>
<context>
    <name>KnowledgeView</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title or question</source>
        <translation>标题或问题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>有用</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Tips and FAQs linked to this problem, its causes or solutions, most helpful first.</source>
        <translation>与此问题及其原因、解决方案关联的技巧和常见问题，最有用的在前。</translation>
    </message>
</context>
<context>
    <name>KpiEditing</name>
    <message>
        <source>The measurements typed</source>
        <translation>已输入的测量值</translation>
    </message>
</context>
<context>
    <name>KpiLinkDialog</name>
    <message>
        <source>Measure the result by a KPI series</source>
        <translation>用KPI序列衡量该结果</translation>
    </message>
    <message>
        <source>Whole plant (the mean of every place)</source>
        <translation>全厂（各地点的平均值）</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>工厂：%1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>部门：%1</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>No KPIs yet: add them on the KPIs page.</source>
        <translation>还没有KPI：请在“KPI指标”页添加。</translation>
    </message>
    <message>
        <source>No measurements in some of these periods yet.</source>
        <translation>其中部分期间还没有测量值。</translation>
    </message>
</context>
<context>
    <name>KpisPage</name>
    <message>
        <source>KPI</source>
        <translation>KPI指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Add the articles&apos; KPIs</source>
        <translation>添加文章中的KPI</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New KPI</source>
        <translation>新建KPI</translation>
    </message>
    <message>
        <source>Delete row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Save measurements</source>
        <translation>保存测量值</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>All places (mean)</source>
        <translation>全部地点（平均）</translation>
    </message>
    <message>
        <source>Add KPI %1</source>
        <translation>新建KPI %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Save %1 measurements</source>
        <translation>保存 %1 条测量值</translation>
    </message>
    <message>
        <source>Nothing was saved:</source>
        <translation>未保存任何内容：</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete measurement %1</source>
        <translation>删除 %1 的测量值</translation>
    </message>
</context>
<context>
    <name>LeaveGuard</name>
    <message>
        <source>The new problem</source>
        <translation>新问题</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>留下</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Proposed order</source>
        <translation>恢复建议排序</translation>
    </message>
    <message>
        <source>Forget the places set by hand: rank by frequency × impact again</source>
        <translation>取消手动排序：重新按发生频率 × 影响度排序</translation>
    </message>
    <message>
        <source>Freeze list</source>
        <translation>冻结清单</translation>
    </message>
    <message>
        <source>Fix the committed list: later edits are still allowed, and listed</source>
        <translation>固定已承诺的清单：之后仍可修改，但每处修改都会列出</translation>
    </message>
    <message>
        <source>Compare quarters…</source>
        <translation>季度对比…</translation>
    </message>
    <message>
        <source>Changes since…</source>
        <translation>冻结后的修改…</translation>
    </message>
    <message>
        <source>Carry over to %1</source>
        <translation>结转到 %1</translation>
    </message>
    <message>
        <source>Copy the proposed, committed and in-progress items into %1</source>
        <translation>把提议、已承诺和进行中的事项复制到 %1</translation>
    </message>
    <message>
        <source>Move to place %1</source>
        <translation>移到第%1位</translation>
    </message>
    <message>
        <source>Carry over %1</source>
        <translation>结转 %1</translation>
    </message>
    <message>
        <source>Freeze %1</source>
        <translation>冻结 %1</translation>
    </message>
</context>
<context>
    <name>ListHeader</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Improvements</source>
        <translation>季度优化清单</translation>
    </message>
    <message>
        <source>Pilots</source>
        <translation>试点迭代</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI指标</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>异常预警</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Governance Workbench</source>
        <translation>ERP治理工作台</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>%1 things need you today: see Mine.</source>
        <translation>今天有 %1 项需要您处理：见“我的待办”。</translation>
    </message>
    <message>
        <source>The database could not be opened:
%1</source>
        <translation>无法打开数据库：
%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Check database…</source>
        <translation>检查数据库(&amp;C)…</translation>
    </message>
    <message>
        <source>Check database &amp;fully…</source>
        <translation>完整检查数据库(&amp;F)…</translation>
    </message>
    <message>
        <source>Re-verify every audit entry and record, not only what is new</source>
        <translation>重新验证全部审计记录和数据，而不只是新增部分</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New problem</source>
        <translation>新建问题(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel edit</source>
        <translation>取消编辑(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Hide or show the &amp;list</source>
        <translation>隐藏或显示列表(&amp;L)</translation>
    </message>
    <message>
        <source>Search &amp;everything…</source>
        <translation>全局搜索(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Governance Workbench</source>
        <translation>关于ERP治理工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <source>%1 – Governance Workbench</source>
        <translation>%1 – ERP治理工作台</translation>
    </message>
    <message>
        <source>About Governance Workbench</source>
        <translation>关于ERP治理工作台</translation>
    </message>
    <message>
        <source>&lt;b&gt;Governance Workbench&lt;/b&gt; %1&lt;br&gt;Keeps an ERP improving after go-live: problems, causes, solutions and measured results.</source>
        <translation>&lt;b&gt;ERP治理工作台&lt;/b&gt; %1&lt;br&gt;让ERP上线后持续优化：问题、原因、解决方案与可衡量的效果。</translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <source>Markdown: **bold**, - lists, 1. steps, | tables |; paste or drop images</source>
        <translation>Markdown 格式：**加粗**、- 列表、1. 步骤、| 表格 |；可粘贴或拖入图片</translation>
    </message>
</context>
<context>
    <name>MeasurementGrid</name>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>MinePage</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>My open problems (%1)</source>
        <translation>我负责的未关闭问题（%1）</translation>
    </message>
    <message>
        <source>My solutions overdue or due within %2 days (%1)</source>
        <translation>我负责的已逾期或 %2 天内到期的解决方案（%1）</translation>
    </message>
    <message>
        <source>Results on my problems waiting to be verified (%1)</source>
        <translation>我的问题中等待验证的效果（%1）</translation>
    </message>
    <message>
        <source>%1 things need you</source>
        <translation>%1 项需要您处理</translation>
    </message>
    <message>
        <source>Nothing needs you today</source>
        <translation>今天没有需要您处理的事项</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>已测量</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>NeverTrainedView</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>ERP module</source>
        <translation>ERP模块</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>People who work in a module (a problem of their department is in it, or they own or reported one) and never attended a session on it. Right-click a person who has left the plant to mark it.</source>
        <translation>在某模块工作（其部门有该模块的问题，或本人负责或报告过该模块的问题）却从未参加过该模块培训的人员。已离厂的人员可右键标记。</translation>
    </message>
    <message>
        <source>Mark as left the plant today</source>
        <translation>标记为今天离厂</translation>
    </message>
    <message>
        <source>their department&apos;s problems</source>
        <translation>所在部门的问题</translation>
    </message>
    <message>
        <source>problems they own or reported</source>
        <translation>本人负责或报告的问题</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>▶ List</source>
        <translation>▶ 列表</translation>
    </message>
    <message>
        <source>◀ List</source>
        <translation>◀ 列表</translation>
    </message>
    <message>
        <source>Give the record the whole width, or show the list beside it (Ctrl+L)</source>
        <translation>让记录占满宽度，或在旁边显示列表（Ctrl+L）</translation>
    </message>
</context>
<context>
    <name>PerMonthView</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <source>ERP module</source>
        <translation>ERP模块</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>培训场次</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>最近一次培训</translation>
    </message>
    <message>
        <source>Last score</source>
        <translation>最近成绩</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Left the plant on</source>
        <translation>标记离厂于</translation>
    </message>
    <message>
        <source>They attend no later session and count in no department&apos;s coverage</source>
        <translation>离厂后不再参加培训，也不计入任何部门的培训覆盖率</translation>
    </message>
</context>
<context>
    <name>PilotsPage</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Pilot</source>
        <translation>试点</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>试点范围</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New pilot</source>
        <translation>新建试点</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Roll-out</source>
        <translation>推广</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Median after (h)</source>
        <translation>改进后中位数（小时）</translation>
    </message>
    <message>
        <source>P90 after (h)</source>
        <translation>改进后P90（小时）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Rolled out to</source>
        <translation>推广对象</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Add round</source>
        <translation>新增一轮</translation>
    </message>
    <message>
        <source>Add roll-out</source>
        <translation>新增推广</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>New pilot: fill in the scope, hypothesis and criterion</source>
        <translation>新试点：请填写试点范围、设计假设和成功标准</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Edit roll-out</source>
        <translation>编辑推广</translation>
    </message>
</context>
<context>
    <name>ProblemDetailPanel</name>
    <message>
        <source>Select a problem</source>
        <translation>请选择一个问题</translation>
    </message>
    <message>
        <source>%1 “%2” was deleted. Ctrl+Z brings it back.</source>
        <translation>%1“%2”已删除。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>That item no longer exists: it was deleted elsewhere. Shown is what is saved.</source>
        <translation>该条目已不存在：已在别处被删除。现显示已保存的内容。</translation>
    </message>
    <message>
        <source>This problem no longer exists: it was deleted elsewhere.</source>
        <translation>该问题已不存在：已在别处被删除。</translation>
    </message>
    <message>
        <source>Your edit was not saved and is still in the form.</source>
        <translation>您的修改未保存，仍保留在表单中。</translation>
    </message>
    <message>
        <source>That step cannot be undone: the record was changed elsewhere.</source>
        <translation>无法撤销这一步：记录已在别处被修改。</translation>
    </message>
    <message>
        <source>The undo history was cleared; shown is what is saved.</source>
        <translation>撤销历史已清空；现显示已保存的内容。</translation>
    </message>
</context>
<context>
    <name>ProblemForm</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>现象</translation>
    </message>
    <message>
        <source>A short, specific title</source>
        <translation>简短、具体的标题</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. inventory, month-end</source>
        <translation>用逗号分隔，例如：库存,月结</translation>
    </message>
    <message>
        <source>Where and who</source>
        <translation>地点与人员</translation>
    </message>
    <message>
        <source>How bad</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Delete problem</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <source>Delete it with its chain; Ctrl+Z brings it back</source>
        <translation>连同其原因、解决方案和效果一起删除；按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Source: KPI alert — %1</source>
        <translation>来源：KPI异常预警 — %1</translation>
    </message>
    <message>
        <source>Open the KPI on the KPIs page</source>
        <translation>在“KPI指标”页打开该KPI</translation>
    </message>
</context>
<context>
    <name>ProblemHeader</name>
    <message>
        <source>Closed: reopen to edit</source>
        <translation>已关闭：重新打开后才能编辑</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <source>Show theirs</source>
        <translation>显示对方的</translation>
    </message>
    <message>
        <source>Discard your edit and show what is saved</source>
        <translation>放弃您的修改，显示已保存的内容</translation>
    </message>
    <message>
        <source>New problem</source>
        <translation>新建问题</translation>
    </message>
    <message>
        <source>Fill in at least the title, then save.</source>
        <translation>至少填写标题，然后保存。</translation>
    </message>
    <message>
        <source>Closed as imported (no verified result needed): reopen to edit</source>
        <translation>导入时即为已关闭（无需已验证的效果）：重新打开后可编辑</translation>
    </message>
    <message>
        <source>Imported from a spreadsheet on %1</source>
        <translation>于 %1 从表格导入</translation>
    </message>
    <message>
        <source>Change the status to %1</source>
        <translation>将状态改为%1</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>Source: KPI alert</source>
        <translation>来源：KPI异常预警</translation>
    </message>
</context>
<context>
    <name>ProblemsPage</name>
    <message>
        <source>New problem</source>
        <translation>新建问题</translation>
    </message>
    <message>
        <source>%1+ problems, counting…</source>
        <translation>至少 %1 个问题，正在计数…</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 个问题</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>%1 个问题</translation>
    </message>
</context>
<context>
    <name>QuarterComparison</name>
    <message>
        <source>Quarters compared</source>
        <translation>季度对比</translation>
    </message>
    <message>
        <source>Committed counts what the team committed to (committed, in progress or done); carried over, what went on into a later quarter.</source>
        <translation>“已承诺”统计团队承诺的事项（已承诺、进行中或已完成）；“结转”统计延续到后续季度的事项。</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项数</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已承诺</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>结转</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>Carried in</source>
        <translation>结转而来</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why? The reason is kept with the problem&apos;s status history.</source>
        <translation>原因是什么？原因会保存在问题的状态历史中。</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>必须填写原因。</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>原因超过了 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>• unsaved</source>
        <translation>• 未保存</translation>
    </message>
</context>
<context>
    <name>RecordTabs</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Tips and FAQs of the usage champions about it</source>
        <translation>使用冠军编写的相关技巧和常见问题</translation>
    </message>
    <message>
        <source>Drills, classes and manuals that address it</source>
        <translation>针对它的现场演练、课程和手册</translation>
    </message>
    <message>
        <source>Files and screenshots kept with the record: drop them here or paste with Ctrl+V</source>
        <translation>与记录一起保存的文件和截图：拖到这里，或按 Ctrl+V 粘贴</translation>
    </message>
    <message>
        <source>Who changed what, and when (the audit trail)</source>
        <translation>谁在何时修改了什么（审计记录）</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Quarterly report</source>
        <translation>季度报告</translation>
    </message>
    <message>
        <source>A PDF for management: summary, the quarterly improvement list, the records closed, causes, pilots, training, what needs attention and the audit chain&apos;s head. Sections without data are left out.</source>
        <translation>面向管理层的PDF报告：摘要、季度优化清单、本季度关闭的改进记录、原因分析、试点、培训、需关注事项及审计链头。没有数据的章节不会出现。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Make report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>全部工厂</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>请选择报告的保存位置。</translation>
    </message>
    <message>
        <source>%1 is not a quarter (e.g. 2026Q3).</source>
        <translation>%1 不是季度（例如 2026Q3）。</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Making the report of %1…</source>
        <translation>正在生成 %1 的报告…</translation>
    </message>
    <message>
        <source>%1 has nothing to report: no file was written.</source>
        <translation>%1 没有可报告的数据：未写入文件。</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：未写入文件。</translation>
    </message>
    <message>
        <source>%1 written (%2 pages).</source>
        <translation>已写入 %1（共 %2 页）。</translation>
    </message>
</context>
<context>
    <name>ResultForm</name>
    <message>
        <source>Result</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>e.g. inventory variance rate</source>
        <translation>例如：库存差异率</translation>
    </message>
    <message>
        <source>e.g. %</source>
        <translation>例如：%</translation>
    </message>
    <message>
        <source>Measured before the solution</source>
        <translation>实施解决方案前测得</translation>
    </message>
    <message>
        <source>Empty until measured</source>
        <translation>测量前留空</translation>
    </message>
    <message>
        <source>Link to a KPI series…</source>
        <translation>关联KPI序列…</translation>
    </message>
    <message>
        <source>Measure the result by a KPI&apos;s values before and after the solution</source>
        <translation>用解决方案实施前后的KPI值衡量该结果</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>KPI series</source>
        <translation>KPI序列</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Change the KPI series…</source>
        <translation>更改KPI序列…</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search problems, causes, solutions, knowledge, training … (spaces mean AND)</source>
        <translation>搜索问题、原因、解决方案、知识库、培训……（空格表示同时包含）</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Press Enter to tell the usage champions.</source>
        <translation>没有找到“%1”。按回车告诉使用冠军。</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>结果：%1 条</translation>
    </message>
    <message>
        <source>(the best of more: add a word to narrow them)</source>
        <translation>（结果较多，只显示最相关的：可再加一个词缩小范围）</translation>
    </message>
    <message>
        <source>Noted for the usage champions: “%1”.</source>
        <translation>已记录给使用冠军：“%1”。</translation>
    </message>
</context>
<context>
    <name>SettingsEditing</name>
    <message>
        <source>Your name and language</source>
        <translation>您的姓名和语言</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>You</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Written into the audit trail of every change you make. Leave it empty to use your login name.</source>
        <translation>记录在您每次修改的审计记录中。留空则使用登录名。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Saved. Takes effect the next time you start the program.</source>
        <translation>已保存，下次启动程序时生效。</translation>
    </message>
    <message>
        <source>ERP modules</source>
        <translation>ERP模块</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>New module, e.g. 质量</source>
        <translation>新模块，例如 质量</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Stop using</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Code, e.g. SZ</source>
        <translation>代码，例如 SZ</translation>
    </message>
    <message>
        <source>Name, e.g. 苏州工厂</source>
        <translation>名称，例如 苏州工厂</translation>
    </message>
    <message>
        <source>Double-click a site&apos;s code or name to change it.</source>
        <translation>双击工厂的代码或名称即可修改。</translation>
    </message>
    <message>
        <source>New department, e.g. 仓储部</source>
        <translation>新部门，例如 仓储部</translation>
    </message>
    <message>
        <source>Double-click a department to rename it.</source>
        <translation>双击部门即可重命名。</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>无部门</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Login, e.g. wang.fang</source>
        <translation>登录名，例如 wang.fang</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Name, e.g. 王芳</source>
        <translation>姓名，例如 王芳</translation>
    </message>
    <message>
        <source>Double-click a login, name or department to change it. Problems show the display name; the login is the name a person enters under You.</source>
        <translation>双击登录名、姓名或部门即可修改。问题中显示的是显示名称；登录名即此人在“个人”中填写的姓名。</translation>
    </message>
    <message>
        <source>Double-click a module to rename it. A module no longer in use is kept on the problems filed under it but is not offered for new ones.</source>
        <translation>双击模块可重命名。停用的模块仍保留在已归入的问题上，但不再供新问题选择。</translation>
    </message>
    <message>
        <source>Not in use</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Add the standard modules</source>
        <translation>添加标准模块</translation>
    </message>
    <message>
        <source>Use again</source>
        <translation>重新启用</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>New problem</source>
        <translation>新建问题</translation>
    </message>
    <message>
        <source>Go to the list&apos;s search field (on a page without one: search everything)</source>
        <translation>转到列表的搜索框（在没有搜索框的页面：全局搜索）</translation>
    </message>
    <message>
        <source>Search everything: records, knowledge, training</source>
        <translation>全局搜索：记录、知识库、培训</translation>
    </message>
    <message>
        <source>Hide the list to give the record the whole width</source>
        <translation>隐藏列表，让记录占满宽度</translation>
    </message>
    <message>
        <source>Save the form</source>
        <translation>保存表单</translation>
    </message>
    <message>
        <source>In a one-line field: save the form</source>
        <translation>在单行输入框中：保存表单</translation>
    </message>
    <message>
        <source>Cancel the edit: back to what is saved</source>
        <translation>取消编辑：恢复为已保存的内容</translation>
    </message>
    <message>
        <source>Undo the last change (in a text field: its typing first)</source>
        <translation>撤销上一次更改（在文本框中先撤销其中的输入）</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>重做已撤销的操作</translation>
    </message>
    <message>
        <source>Edit: go to the form of what is selected</source>
        <translation>编辑：转到所选内容的表单</translation>
    </message>
    <message>
        <source>Delete what is selected in the list or the chain (undoable)</source>
        <translation>删除列表或链中选中的内容（可撤销）</translation>
    </message>
    <message>
        <source>This list of keyboard shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>SimilarHint</name>
    <message>
        <source>Similar open problems (%1) — open one instead?</source>
        <translation>已有相似的未关闭问题（%1 个）——要打开其中一个吗？</translation>
    </message>
</context>
<context>
    <name>SolutionForm</name>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>要采取的行动</translation>
    </message>
</context>
<context>
    <name>TeamRulesBox</name>
    <message>
        <source>Team rules</source>
        <translation>团队规则</translation>
    </message>
    <message>
        <source>Let a person verify a result whose values they entered (one-person plant)</source>
        <translation>允许录入效果数值的人自己验证（一人工厂）</translation>
    </message>
    <message>
        <source>The four-eyes rule: the person who verifies a result is not the one who entered its baseline or value after, so every closed problem was checked by a second person. Tick this only where one person does all the work. It applies to everyone using this database at once, and the audit trail records who changed it and when.</source>
        <translation>四眼原则：验证效果的人不能是录入其基线值或改进后值的人，这样每个关闭的问题都经过第二个人核对。只有在一个人完成全部工作的情况下才勾选此项。它同时适用于使用此数据库的所有人，审计记录会记下是谁在何时修改的。</translation>
    </message>
    <message>
        <source>Largest attachment</source>
        <translation>附件大小上限</translation>
    </message>
    <message>
        <source>Relaxed by %1 on %2.</source>
        <translation>已由 %1 于 %2 放宽。</translation>
    </message>
    <message>
        <source>Required again by %1 on %2.</source>
        <translation>已由 %1 于 %2 恢复要求。</translation>
    </message>
</context>
<context>
    <name>TrainingEditing</name>
    <message>
        <source>The new training session</source>
        <translation>新培训记录</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>Training session</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <source>e.g. handling an exceptional order</source>
        <translation>例如：异常订单处理</translation>
    </message>
    <message>
        <source>e.g. 1.5</source>
        <translation>例如：1.5</translation>
    </message>
    <message>
        <source>a link to the slides, manual page or video</source>
        <translation>课件、手册页面或视频的链接</translation>
    </message>
    <message>
        <source>Problem codes, e.g. P-2026-0001, P-2026-0007</source>
        <translation>问题编号，例如 P-2026-0001, P-2026-0007</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Solutions</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Training session %1</source>
        <translation>培训记录 %1</translation>
    </message>
    <message>
        <source>Link a problem first: its solutions are offered</source>
        <translation>请先关联问题：可选其解决方案</translation>
    </message>
    <message>
        <source>New training session</source>
        <translation>新培训记录</translation>
    </message>
    <message>
        <source>None linked</source>
        <translation>未关联</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>New session</source>
        <translation>新建培训</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>培训场次</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Never trained</source>
        <translation>从未培训</translation>
    </message>
    <message>
        <source>By person</source>
        <translation>按人员</translation>
    </message>
    <message>
        <source>Sessions per month</source>
        <translation>每月培训场次</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Add session %1</source>
        <translation>新建培训 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Add attendee to %1</source>
        <translation>为 %1 添加参训人员</translation>
    </message>
    <message>
        <source>Remove attendee from %1</source>
        <translation>从 %1 移除参训人员</translation>
    </message>
    <message>
        <source>Score in %1</source>
        <translation>记录 %1 的成绩</translation>
    </message>
    <message>
        <source>Link a solution to %1</source>
        <translation>为%1关联解决方案</translation>
    </message>
    <message>
        <source>Unlink a solution from %1</source>
        <translation>取消%1关联的解决方案</translation>
    </message>
    <message>
        <source>%1 left the plant</source>
        <translation>%1已离厂</translation>
    </message>
</context>
<context>
    <name>TrainingTable</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>培训形式</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>ERP module</source>
        <translation>ERP模块</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均成绩</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department then</source>
        <translation>当时部门</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>%1 left on %2</source>
        <translation>%1 已于 %2 离职</translation>
    </message>
    <message>
        <source>In %1 then; in %2 now</source>
        <translation>当时在%1；现在在%2</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Held on</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>For</source>
        <translation>针对</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Training linked to this problem or its solutions, newest first.</source>
        <translation>与该问题或其解决方案关联的培训，最新的在前。</translation>
    </message>
    <message>
        <source>the problem</source>
        <translation>本问题</translation>
    </message>
</context>
<context>
    <name>TrainingViews</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>培训场次</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>参训人次</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>result</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Status %1 → %2</source>
        <translation>状态 %1 → %2</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <source>Verify result</source>
        <translation>验证效果</translation>
    </message>
    <message>
        <source>Unverify result</source>
        <translation>取消验证效果</translation>
    </message>
    <message>
        <source>Link KPI series</source>
        <translation>关联KPI序列</translation>
    </message>
    <message>
        <source>Unlink KPI series</source>
        <translation>取消关联KPI序列</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Changed: %1.</source>
        <translation>修改了：%1。</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <source>Health score weights</source>
        <translation>健康度评分权重</translation>
    </message>
    <message>
        <source>The weights add up to %1, not 100.</source>
        <translation>权重合计为 %1，不是 100。</translation>
    </message>
</context>
<context>
    <name>WhysEditor</name>
    <message>
        <source>Why? Type and press Enter</source>
        <translation>为什么？输入后按回车</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Could not redo: %1</source>
        <translation>无法重做：%1</translation>
    </message>
    <message>
        <source>Could not undo: %1</source>
        <translation>无法撤销：%1</translation>
    </message>
</context>
</TS>
