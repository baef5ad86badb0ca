<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CauseForm</name>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="145"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="149"/>
        <source>This is a root cause</source>
        <translation>这是根本原因</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="153"/>
        <source>The cause is confirmed by evidence</source>
        <translation>该原因已有证据证实</translation>
    </message>
</context>
<context>
    <name>ChainSection</name>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="59"/>
        <source>Causes → solutions → results</source>
        <translation>原因 → 解决方案 → 效果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="69"/>
        <source>Select a cause, solution or result to edit it.</source>
        <translation>选择一个原因、解决方案或效果进行编辑。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="120"/>
        <source>Add cause</source>
        <translation>添加原因</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="122"/>
        <source>Add solution</source>
        <translation>添加解决方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="125"/>
        <source>Add result</source>
        <translation>添加效果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="127"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="128"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="129"/>
        <location filename="../../workbench/ui/detail/chain_section.py" line="196"/>
        <source>Verify result</source>
        <translation>验证效果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="196"/>
        <source>Unverify</source>
        <translation>取消验证</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="240"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="242"/>
        <source>Delete this cause with its solutions and results?</source>
        <translation>删除此原因及其解决方案和效果？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="243"/>
        <source>Delete this solution with its results?</source>
        <translation>删除此解决方案及其效果？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_section.py" line="244"/>
        <source>Delete this result?</source>
        <translation>删除此效果？</translation>
    </message>
</context>
<context>
    <name>ChainTree</name>
    <message>
        <location filename="../../workbench/ui/detail/chain_tree.py" line="36"/>
        <source>Cause → solution → result</source>
        <translation>原因 → 解决方案 → 效果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_tree.py" line="36"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_tree.py" line="36"/>
        <source>Who · when</source>
        <translation>人员 · 日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/chain_tree.py" line="121"/>
        <source>Overdue: %1</source>
        <translation>已逾期：%1</translation>
    </message>
</context>
<context>
    <name>DatabaseOpening</name>
    <message>
        <location filename="../../workbench/ui/opening.py" line="22"/>
        <source>This database was written by a newer Governance Workbench (schema %1; this program knows up to %2). Install the newer program to open it.</source>
        <translation>此数据库由更新版本的ERP治理工作台写入（架构版本 %1；本程序最高支持 %2）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/opening.py" line="29"/>
        <source>This file is not a Governance Workbench database (%1).</source>
        <translation>此文件不是ERP治理工作台数据库（%1）。</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <location filename="../../workbench/ui/detail/formatting.py" line="41"/>
        <source>%1 → not measured yet</source>
        <translation>%1 → 尚未测量</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/formatting.py" line="47"/>
        <source>improved %1</source>
        <translation>改善 %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/formatting.py" line="49"/>
        <source>worse by %1</source>
        <translation>恶化 %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/formatting.py" line="51"/>
        <source>no change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/formatting.py" line="81"/>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/formatting.py" line="83"/>
        <source>✓ %1, %2</source>
        <translation>✓ %1，%2</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../workbench/ui/labels.py" line="19"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="20"/>
        <source>Analysing</source>
        <translation>分析中</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="21"/>
        <source>Solving</source>
        <translation>解决中</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="22"/>
        <source>Verifying</source>
        <translation>验证中</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="23"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="24"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="27"/>
        <source>Process-system misalignment</source>
        <translation>流程与系统对齐偏差</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="28"/>
        <source>Weak data governance</source>
        <translation>数据治理短板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="29"/>
        <source>Missing change management</source>
        <translation>变革管理缺失</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="30"/>
        <source>Cross-department breaks</source>
        <translation>跨部门协作断点</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="31"/>
        <source>Customisation debt</source>
        <translation>技术与定制化矛盾</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="34"/>
        <source>Several times a day</source>
        <translation>每天多次</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="35"/>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="36"/>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="37"/>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="38"/>
        <source>Rarely</source>
        <translation>偶尔</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="41"/>
        <source>Process</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="42"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="43"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="44"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="45"/>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="48"/>
        <source>Corrective</source>
        <translation>纠正</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="49"/>
        <source>Preventive</source>
        <translation>预防</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="50"/>
        <source>Improvement</source>
        <translation>改进</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="53"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="54"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="55"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="56"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="59"/>
        <source>Goals and ownership</source>
        <translation>明确目标与责权</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="60"/>
        <source>Data governance</source>
        <translation>数据治理筑基</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="61"/>
        <source>Value-stream redesign</source>
        <translation>价值流流程再造</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="62"/>
        <source>Change management</source>
        <translation>变革管理赋能</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="63"/>
        <source>KPIs and incentives</source>
        <translation>KPI与激励对齐</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="64"/>
        <source>Technical architecture</source>
        <translation>技术架构清晰化</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="65"/>
        <source>Pilot iteration</source>
        <translation>试点迭代推广</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="66"/>
        <source>Digital tools</source>
        <translation>数字化工具适配</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="67"/>
        <source>Continuous improvement loop</source>
        <translation>持续改进闭环</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="70"/>
        <source>Lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="71"/>
        <source>Higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="76"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="77"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="78"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="79"/>
        <location filename="../../workbench/ui/labels.py" line="80"/>
        <source>ERP module</source>
        <translation>ERP模块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="81"/>
        <location filename="../../workbench/ui/labels.py" line="82"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="83"/>
        <location filename="../../workbench/ui/labels.py" line="84"/>
        <source>Site</source>
        <translation>工厂</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="85"/>
        <source>Hidden cost</source>
        <translation>隐性成本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="86"/>
        <source>Severity</source>
        <translation>严重度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="87"/>
        <source>Frequency</source>
        <translation>发生频率</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="88"/>
        <source>Impact</source>
        <translation>影响度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="89"/>
        <source>Reporter</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="90"/>
        <location filename="../../workbench/ui/labels.py" line="91"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="92"/>
        <source>Reported on</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="93"/>
        <source>Due on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="94"/>
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="95"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="97"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="98"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="99"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="100"/>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="101"/>
        <source>5 whys</source>
        <translation>5个为什么</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="102"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="103"/>
        <source>Governance path</source>
        <translation>治理路径</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="104"/>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="105"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="106"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="107"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="108"/>
        <source>Baseline</source>
        <translation>基线值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="109"/>
        <source>Baseline date</source>
        <translation>基线日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="110"/>
        <source>Value after</source>
        <translation>改进后值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="111"/>
        <source>Measured on</source>
        <translation>测量日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="112"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="116"/>
        <source>%1 is required.</source>
        <translation>%1为必填项。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="117"/>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1超过%2个字符。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="118"/>
        <source>%1 is not a number.</source>
        <translation>%1不是数字。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="119"/>
        <source>%1 must be a whole number.</source>
        <translation>%1必须是整数。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="120"/>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1必须在%2到%3之间。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="121"/>
        <source>%1 is not a date (YYYY-MM-DD).</source>
        <translation>%1不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="122"/>
        <source>%1 has a value that is not in the list.</source>
        <translation>%1的值不在列表中。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="123"/>
        <source>%1 must not be before %2.</source>
        <translation>%1不能早于%2。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="124"/>
        <source>%1 has more than %2 steps.</source>
        <translation>%1超过%2步。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="125"/>
        <source>%1 cannot go from %2 to %3.</source>
        <translation>%1不能从“%2”变为“%3”。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="126"/>
        <source>A problem can be closed only with at least one verified result.</source>
        <translation>问题至少要有一个已验证的效果才能关闭。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="129"/>
        <source>A closed problem keeps at least one verified result. Reopen the problem first.</source>
        <translation>已关闭的问题必须保留至少一个已验证的效果。请先重新打开该问题。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="133"/>
        <source>%1 must be a list of steps.</source>
        <translation>%1必须是步骤列表。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="134"/>
        <source>Enter the value after before verifying the result.</source>
        <translation>请先填写改进后值，再验证效果。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="137"/>
        <source>%1 already exists.</source>
        <translation>%1已存在。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/labels.py" line="138"/>
        <source>%1 refers to an entry that does not exist.</source>
        <translation>%1引用的条目不存在。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/pages.py" line="93"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/pages.py" line="99"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="52"/>
        <location filename="../../workbench/ui/main_window.py" line="110"/>
        <source>Governance Workbench</source>
        <translation>ERP治理工作台</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="68"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="107"/>
        <source>The database could not be opened:
%1</source>
        <translation>无法打开数据库：
%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="130"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="131"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="132"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="136"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="137"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="138"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="150"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="151"/>
        <source>&amp;About Governance Workbench</source>
        <translation>关于ERP治理工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="157"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="159"/>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="190"/>
        <source>%1 – Governance Workbench</source>
        <translation>%1 – ERP治理工作台</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="235"/>
        <source>About Governance Workbench</source>
        <translation>关于ERP治理工作台</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="237"/>
        <source>&lt;b&gt;Governance Workbench&lt;/b&gt; %1&lt;br&gt;Keeps an ERP improving after go-live: problems, causes, solutions and measured results.</source>
        <translation>&lt;b&gt;ERP治理工作台&lt;/b&gt; %1&lt;br&gt;让ERP上线后持续优化：问题、原因、解决方案与可衡量的效果。</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <location filename="../../workbench/ui/detail/widgets.py" line="159"/>
        <source>Set</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ProblemDetailPanel</name>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="76"/>
        <location filename="../../workbench/ui/detail/panel.py" line="146"/>
        <source>Select a problem</source>
        <translation>请选择一个问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="256"/>
        <source>Reject %1 “%2”? It can be reopened later, but only as Open: its current stage is not kept.</source>
        <translation>驳回 %1“%2”？之后可以重新打开，但只能回到“待处理”：当前阶段不会保留。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="260"/>
        <source>Reject problem</source>
        <translation>驳回问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="266"/>
        <source>Delete %1 “%2” with all its causes, solutions and results?</source>
        <translation>删除 %1“%2”及其全部原因、解决方案和效果？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="268"/>
        <source>Delete problem</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="334"/>
        <source>That item no longer exists: it was deleted elsewhere. Shown is what is saved.</source>
        <translation>该条目已不存在：已在别处被删除。现显示已保存的内容。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="341"/>
        <source>This problem no longer exists: it was deleted elsewhere.</source>
        <translation>该问题已不存在：已在别处被删除。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="352"/>
        <source>Your edit was not saved and is still in the form; reload to see theirs.</source>
        <translation>您的修改未保存，仍保留在表单中；重新加载可查看对方的版本。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="361"/>
        <source>That step cannot be undone: the record was changed elsewhere.</source>
        <translation>无法撤销这一步：记录已在别处被修改。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/panel.py" line="371"/>
        <source>The undo history was cleared; shown is what is saved.</source>
        <translation>撤销历史已清空；现显示已保存的内容。</translation>
    </message>
</context>
<context>
    <name>ProblemForm</name>
    <message>
        <location filename="../../workbench/ui/detail/problem_form.py" line="34"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/problem_form.py" line="37"/>
        <source>What happens</source>
        <translation>现象</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/problem_form.py" line="38"/>
        <source>A short, specific title</source>
        <translation>简短、具体的标题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/problem_form.py" line="40"/>
        <source>Comma-separated, e.g. inventory, month-end</source>
        <translation>用逗号分隔，例如：库存,月结</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/problem_form.py" line="41"/>
        <source>Where and who</source>
        <translation>地点与人员</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/problem_form.py" line="45"/>
        <source>How bad</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/problem_form.py" line="48"/>
        <source>1 (low) – 5 (high)</source>
        <translation>1（低）– 5（高）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/problem_form.py" line="51"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/problem_form.py" line="62"/>
        <source>Delete problem…</source>
        <translation>删除问题…</translation>
    </message>
</context>
<context>
    <name>ProblemHeader</name>
    <message>
        <location filename="../../workbench/ui/detail/header.py" line="53"/>
        <source>New problem</source>
        <translation>新建问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/header.py" line="55"/>
        <source>Fill in at least the title, then save.</source>
        <translation>至少填写标题，然后保存。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/header.py" line="73"/>
        <source>Change the status to %1</source>
        <translation>将状态改为%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/header.py" line="81"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/header.py" line="83"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/header.py" line="86"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/header.py" line="87"/>
        <source>← %1</source>
        <translation>← %1</translation>
    </message>
</context>
<context>
    <name>ProblemsPage</name>
    <message>
        <location filename="../../workbench/ui/problems_page.py" line="75"/>
        <source>Search by code or title…</source>
        <translation>按编号或标题搜索…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/problems_page.py" line="82"/>
        <source>New problem</source>
        <translation>新建问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/problems_page.py" line="160"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/problems_page.py" line="163"/>
        <source>All ERP modules</source>
        <translation>全部ERP模块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/problems_page.py" line="164"/>
        <source>All sites</source>
        <translation>全部工厂</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/problems_page.py" line="311"/>
        <source>%1+ problems, counting…</source>
        <translation>至少 %1 个问题，正在计数…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/problems_page.py" line="313"/>
        <source>1 problem</source>
        <translation>1 个问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/problems_page.py" line="315"/>
        <source>%1 problems</source>
        <translation>%1 个问题</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../workbench/ui/detail/editor.py" line="35"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/editor.py" line="38"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
</context>
<context>
    <name>ResultForm</name>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="184"/>
        <source>Result</source>
        <translation>效果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="186"/>
        <source>e.g. inventory variance rate</source>
        <translation>例如：库存差异率</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="187"/>
        <source>e.g. %</source>
        <translation>例如：%</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="189"/>
        <source>Measured before the solution</source>
        <translation>实施解决方案前测得</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="191"/>
        <source>Empty until measured</source>
        <translation>测量前留空</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="197"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="198"/>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="208"/>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="107"/>
        <source>You</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="112"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="115"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="119"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="124"/>
        <source>Written into the audit trail of every change you make. Leave it empty to use your login name.</source>
        <translation>记录在您每次修改的审计记录中。留空则使用登录名。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="129"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="156"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="159"/>
        <source>Saved. Takes effect the next time you start the program.</source>
        <translation>已保存，下次启动程序时生效。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="166"/>
        <source>ERP modules</source>
        <translation>ERP模块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="167"/>
        <source>Sites</source>
        <translation>工厂</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="168"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="169"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="176"/>
        <source>New module, e.g. 质量</source>
        <translation>新模块，例如 质量</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="184"/>
        <location filename="../../workbench/ui/settings_page.py" line="260"/>
        <location filename="../../workbench/ui/settings_page.py" line="272"/>
        <location filename="../../workbench/ui/settings_page.py" line="309"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="193"/>
        <location filename="../../workbench/ui/settings_page.py" line="233"/>
        <source>Stop using</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="252"/>
        <source>Code, e.g. SZ</source>
        <translation>代码，例如 SZ</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="254"/>
        <source>Name, e.g. 苏州工厂</source>
        <translation>名称，例如 苏州工厂</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="259"/>
        <source>Double-click a site&apos;s code or name to change it.</source>
        <translation>双击工厂的代码或名称即可修改。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="267"/>
        <source>New department, e.g. 仓储部</source>
        <translation>新部门，例如 仓储部</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="271"/>
        <source>Double-click a department to rename it.</source>
        <translation>双击部门即可重命名。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="280"/>
        <source>No department</source>
        <translation>无部门</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="295"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="295"/>
        <source>Login, e.g. wang.fang</source>
        <translation>登录名，例如 wang.fang</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="297"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="297"/>
        <source>Name, e.g. 王芳</source>
        <translation>姓名，例如 王芳</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="306"/>
        <source>Double-click a login, name or department to change it. Problems show the display name; the login is the name a person enters under You.</source>
        <translation>双击登录名、姓名或部门即可修改。问题中显示的是显示名称；登录名即此人在“个人”中填写的姓名。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="181"/>
        <source>Double-click a module to rename it. A module no longer in use is kept on the problems filed under it but is not offered for new ones.</source>
        <translation>双击模块可重命名。停用的模块仍保留在已归入的问题上，但不再供新问题选择。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="185"/>
        <source>Not in use</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="207"/>
        <source>Add the standard modules</source>
        <translation>添加标准模块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/settings_page.py" line="233"/>
        <source>Use again</source>
        <translation>重新启用</translation>
    </message>
</context>
<context>
    <name>SolutionForm</name>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="164"/>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="166"/>
        <source>What will be done</source>
        <translation>要采取的行动</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="30"/>
        <source>cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="31"/>
        <source>solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="32"/>
        <source>result</source>
        <translation>效果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="119"/>
        <location filename="../../workbench/ui/detail/undo.py" line="160"/>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="130"/>
        <source>Status %1 → %2</source>
        <translation>状态 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="148"/>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="174"/>
        <source>Delete %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="180"/>
        <source>Verify result</source>
        <translation>验证效果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="181"/>
        <source>Unverify result</source>
        <translation>取消验证效果</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="192"/>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/undo.py" line="214"/>
        <source>Changed: %1.</source>
        <translation>修改了：%1。</translation>
    </message>
</context>
<context>
    <name>WhysEditor</name>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="43"/>
        <source>Why? Type and press Enter</source>
        <translation>为什么？输入后按回车</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="44"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="45"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="46"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/detail/link_forms.py" line="47"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
</TS>
