//! The service team template in Simplified Chinese: every text of the English template and
//! its translation (wording from the Chinese design sources where they have it).

/// English template text → Chinese.
pub const ZH: &[(&str, &str)] = &[
    // Workspace
    ("Customer Service Team", "客户服务团队"),
    (
        "Deliver efficient, professional help so that every customer leaves with their problem solved.",
        "提供高效、专业的服务，让每位客户的问题都得到解决。",
    ),
    ("Resolve most customer issues at first contact", "在首次联系时解决大多数客户问题"),
    ("Keep customer satisfaction at or above 90%", "客户满意度保持在 90% 及以上"),
    ("Meet response-time standards for every priority", "各优先级均达到响应时间标准"),
    ("Grow every member's skills through regular training", "通过定期培训提升每位成员的技能"),
    ("Customer Service", "客户服务部"),
    ("Technical Support", "技术支持部"),
    ("Service Operations", "服务运营部"),
    // Skills
    ("Communication", "沟通"),
    ("Listens, explains clearly and keeps customers informed.", "善于倾听、表达清晰，及时让客户了解进展。"),
    ("Empathy", "同理心"),
    ("Understands how the customer feels and responds with care.", "理解客户的感受并用心回应。"),
    ("Conflict resolution", "冲突处理"),
    ("Calms difficult conversations and finds a fair way forward.", "化解棘手的对话，找到公平的解决办法。"),
    ("Coaching", "辅导"),
    ("Helps colleagues grow through feedback and training.", "通过反馈和培训帮助同事成长。"),
    ("Product knowledge", "产品知识"),
    ("Knows the products, policies and procedures in depth.", "深入了解公司的产品、政策和流程。"),
    ("Troubleshooting", "故障排查"),
    ("Finds the cause of a technical problem quickly and fixes it.", "快速找到技术问题的原因并解决。"),
    ("CRM and ticketing tools", "CRM 与工单系统"),
    ("Works fluently in the CRM, ticketing and knowledge base.", "熟练使用 CRM、工单系统和知识库。"),
    ("Data analysis", "数据分析"),
    ("Reads service metrics and finds the story behind them.", "解读服务指标，发现数据背后的问题。"),
    ("Problem solving", "问题解决"),
    ("Breaks a problem down and resolves it at the root.", "拆解问题并从根本上解决。"),
    ("Project planning", "项目规划"),
    ("Plans scope, time, budget and resources, and delegates.", "规划范围、时间、预算和资源，并合理分派任务。"),
    ("Prioritisation", "优先级管理"),
    ("Puts the most important work first under pressure.", "在压力下把最重要的工作放在首位。"),
    ("Quality monitoring", "质量监控"),
    ("Sets quality standards, reviews work and measures performance.", "制定质量标准、审核工作并衡量绩效。"),
    ("Process improvement", "流程改进"),
    ("Turns feedback and data into better ways of working.", "把反馈和数据转化为更好的工作方式。"),
    // Roles
    ("Team Lead", "团队负责人"),
    (
        "Sets clear goals and expectations, removes obstacles and grows the team.",
        "设定清晰的目标和期望，排除障碍，培养团队。",
    ),
    ("Customer Service Representative", "客户服务代表"),
    (
        "Is the customer's first contact: answers questions, resolves issues and complaints.",
        "客户的第一联系人：解答问题，处理问题和投诉。",
    ),
    ("Technical Support Specialist", "技术支持专员"),
    ("Resolves technical problems with the products quickly and efficiently.", "快速高效地解决与产品相关的技术问题。"),
    ("Project Manager", "项目经理"),
    (
        "Delivers service projects on time, within budget and to the customer's satisfaction.",
        "按时、按预算交付服务项目，并让客户满意。",
    ),
    ("Quality Assurance Specialist", "质量保证专员"),
    ("Makes sure services meet or exceed customer expectations.", "确保服务达到或超过客户期望。"),
    // Members and titles
    ("Maria Lopez", "王芳"),
    ("Chen Wei", "陈伟"),
    ("Aisha Khan", "赵敏"),
    ("Tom Becker", "孙磊"),
    ("Li Na", "李娜"),
    ("Sam Okafor", "周杰"),
    ("Service Team Lead", "服务团队负责人"),
    ("Quality Analyst", "质量分析师"),
    // Areas
    ("Customer inquiries", "客户咨询"),
    ("Incident handling", "故障处理"),
    ("Escalations", "升级处理"),
    ("Quality reviews", "质量审核"),
    ("Reporting", "报告"),
    ("Planning", "规划"),
    ("Training", "培训"),
    // Duties
    ("Answer customer inquiries by phone, e-mail and chat", "通过电话、邮件和在线聊天解答客户咨询"),
    ("Log every contact in the CRM", "在 CRM 中记录每一次联系"),
    ("Guide customers on products, policies and procedures", "就产品、政策和流程为客户提供指导"),
    ("Follow up on open cases within one business day", "在一个工作日内跟进未结案件"),
    ("Troubleshoot and resolve technical issues", "排查并解决技术问题"),
    ("Diagnose incidents and coordinate fixes with engineering", "诊断故障并与研发协调修复"),
    ("Keep customers updated during an incident", "故障期间及时向客户通报进展"),
    ("Write knowledge-base articles for recurring problems", "为反复出现的问题编写知识库文章"),
    ("Handle escalated complaints and service recovery", "处理升级投诉与服务补救"),
    ("Escalate technical issues to technical support", "将技术问题升级给技术支持"),
    ("Develop and maintain quality standards", "制定并维护质量标准"),
    ("Review a sample of customer interactions", "抽查客户互动记录"),
    ("Run satisfaction surveys and act on the feedback", "开展满意度调查并根据反馈改进"),
    (
        "Report service metrics: satisfaction, first contact resolution, response times",
        "报告服务指标：满意度、首次联系解决率、响应时间",
    ),
    ("Track project progress and report to stakeholders", "跟踪项目进度并向相关方汇报"),
    ("Plan service projects: scope, schedule, budget and resources", "规划服务项目：范围、进度、预算和资源"),
    ("Plan staffing and capacity against forecast demand", "根据需求预测规划人员与产能"),
    ("Coordinate with sales, engineering and other departments", "与销售、研发等部门协调"),
    ("Onboard and train new team members", "新成员入职与培训"),
    ("Give technical training to customer service representatives", "为客户服务代表提供技术培训"),
    ("Run the daily stand-up and the monthly service review", "主持每日站会和每月服务总结会"),
    // Tasks
    ("Chat widget outage on mobile", "移动端在线聊天组件故障"),
    ("Customer cannot reset their password", "客户无法重置密码"),
    ("Refund request for order 4821", "订单 4821 退款申请"),
    ("Complaint: late delivery, third call", "投诉：延迟发货，第三次来电"),
    ("Update the knowledge-base article on invoices", "更新发票相关的知识库文章"),
    ("Weekly quality review: 20 chats", "每周质量抽查：20 条聊天记录"),
    ("Onboarding plan for the new representative", "新客服代表的入职计划"),
    ("Plan next quarter's staffing", "规划下季度人员配置"),
    ("Product training: new billing portal", "产品培训：新计费门户"),
    ("Act on low satisfaction comments", "处理低满意度评价"),
    // Board columns (the same words as the app's own for a new board)
    ("Backlog", "待办池"),
    ("To do", "待处理"),
    ("In progress", "进行中"),
    ("Review", "审核中"),
    ("Done", "已完成"),
    // Meetings
    ("Daily stand-up", "每日站会"),
    ("Open tickets from yesterday", "昨日未结工单"),
    ("Today's priorities and blockers", "今日重点与阻碍"),
    ("Weekly quality and project review", "每周质量与项目例会"),
    ("Quality sampling results", "质量抽检结果"),
    ("Project progress", "项目进展"),
    ("Monthly service review", "月度服务回顾"),
    ("Customer feedback and complaints", "客户反馈与投诉"),
    ("KPI trends and improvement actions", "指标趋势与改进措施"),
    // KPIs
    ("Customer satisfaction (CSAT)", "客户满意度（CSAT）"),
    ("First contact resolution", "首次联系解决率"),
    ("Average handle time", "平均处理时长"),
    ("First response time", "首次响应时间"),
    ("SLA met", "服务目标达成率"),
    ("Escalation rate", "升级率"),
];

/// Translates every text of a workspace made by [`super::template::service_team`] through
/// `table`; text that is not in the table stays as it is.
pub fn localize(mut ws: super::workspace::Workspace, table: &[(&str, &str)]) -> super::workspace::Workspace {
    let tr = |s: &mut String| {
        if let Some((_, to)) = table.iter().find(|(from, _)| from == s) {
            *s = (*to).to_string();
        }
    };
    tr(&mut ws.name);
    tr(&mut ws.purpose);
    ws.goals.iter_mut().for_each(tr);
    for m in &mut ws.meetings {
        tr(&mut m.name);
        m.agenda.iter_mut().for_each(tr);
    }
    ws.departments.iter_mut().for_each(|d| tr(&mut d.name));
    for s in &mut ws.skills {
        tr(&mut s.name);
        tr(&mut s.description);
    }
    for r in &mut ws.roles {
        tr(&mut r.name);
        tr(&mut r.purpose);
    }
    for m in &mut ws.members {
        tr(&mut m.name);
        tr(&mut m.title);
    }
    for d in &mut ws.duties {
        tr(&mut d.title);
        tr(&mut d.area);
    }
    ws.board.columns.iter_mut().for_each(|c| tr(&mut c.name));
    for t in &mut ws.board.tasks {
        tr(&mut t.title);
        tr(&mut t.description);
        t.labels.iter_mut().for_each(tr);
    }
    ws.kpis.iter_mut().for_each(|k| tr(&mut k.name));
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::service_team;
    use crate::model::IdGen;

    // Every text of the template that a person reads has a translation.
    #[test]
    fn the_chinese_template_translates_every_visible_text_and_stays_valid() {
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let en = service_team(&mut IdGen::new(1), now);
        let zh = localize(en.clone(), ZH);
        let mut texts: Vec<&str> = vec![&zh.name, &zh.purpose];
        texts.extend(zh.goals.iter().map(String::as_str));
        texts.extend(zh.meetings.iter().flat_map(|m| std::iter::once(&m.name).chain(&m.agenda)).map(String::as_str));
        texts.extend(zh.departments.iter().map(|d| d.name.as_str()));
        texts.extend(zh.skills.iter().flat_map(|s| [s.name.as_str(), s.description.as_str()]));
        texts.extend(zh.roles.iter().flat_map(|r| [r.name.as_str(), r.purpose.as_str()]));
        texts.extend(zh.members.iter().flat_map(|m| [m.name.as_str(), m.title.as_str()]));
        texts.extend(zh.duties.iter().flat_map(|d| [d.title.as_str(), d.area.as_str()]));
        texts.extend(zh.board.columns.iter().map(|c| c.name.as_str()));
        texts.extend(
            zh.board
                .tasks
                .iter()
                .flat_map(|t| [t.title.as_str()].into_iter().chain(t.labels.iter().map(String::as_str))),
        );
        texts.extend(zh.board.tasks.iter().map(|t| t.description.as_str()).filter(|d| !d.is_empty()));
        texts.extend(zh.kpis.iter().map(|k| k.name.as_str()));
        let untranslated: Vec<&&str> = texts.iter().filter(|t| t.is_ascii()).collect();
        assert_eq!(untranslated, Vec::<&&str>::new());
        assert_eq!(crate::model::validate(&zh), vec![]);
        assert_eq!(crate::model::raci_check::check(&zh), vec![]);
        // The structure is the English template's.
        assert_eq!(
            (zh.members.len(), zh.duties.len(), zh.board.tasks.len()),
            (en.members.len(), en.duties.len(), en.board.tasks.len())
        );
    }
}
