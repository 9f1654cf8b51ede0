"""The legal basis of each 表三 outcome, as data (``../shared/spec/law.md`` §2.2), for the 答复书.

Keyed by the model's Table3Row; ``articles`` are 《政府信息公开条例》 articles (other instruments named in full);
``decision`` is the operative sentence of the answer. Outcomes with no specific article say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.model import Table3Row

REGULATION = "《中华人民共和国政府信息公开条例》"


@dataclass(frozen=True)
class OutcomeBasis:
    articles: tuple[str, ...]
    decision: str

    @property
    def citation(self) -> str:
        if not self.articles:
            return ""
        own = [a for a in self.articles if a.startswith("第")]
        other = [a for a in self.articles if not a.startswith("第")]
        parts = [f"{REGULATION}{'、'.join(own)}"] if own else []
        return "、".join(parts + other)


_DENY = "决定不予公开，理由如下："

OUTCOME_BASIS: dict[Table3Row, OutcomeBasis] = {
    Table3Row.GRANTED: OutcomeBasis(
        ("第三十六条第（二）项",), "经审查，您申请获取的政府信息属于可以公开的政府信息，本机关予以公开，现向您提供（或告知获取的方式、途径和时间）。"
    ),
    Table3Row.PARTLY_GRANTED: OutcomeBasis(
        ("第三十七条",), "经审查，您申请获取的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，本机关向您提供可以公开的内容，对不予公开的内容说明理由如下："
    ),
    Table3Row.DENIED_STATE_SECRET: OutcomeBasis(
        ("第十四条", "第三十六条第（三）项"), f"经审查，您申请获取的政府信息依法确定为国家秘密，{_DENY}"
    ),
    Table3Row.DENIED_LAW_FORBIDS: OutcomeBasis(
        ("第十四条", "第三十六条第（三）项"), f"经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，{_DENY}"
    ),
    Table3Row.DENIED_THREE_SECURITIES: OutcomeBasis(
        ("第十四条", "第三十六条第（三）项"),
        f"经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，{_DENY}",
    ),
    Table3Row.DENIED_THIRD_PARTY: OutcomeBasis(
        ("第十五条", "第三十二条", "第三十六条第（三）项"),
        f"经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，{_DENY}",
    ),
    Table3Row.DENIED_INTERNAL_AFFAIRS: OutcomeBasis(
        ("第十六条第一款", "第三十六条第（三）项"),
        f"经审查，您申请获取的信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等），{_DENY}",
    ),
    Table3Row.DENIED_PROCESS_INFO: OutcomeBasis(
        ("第十六条第二款", "第三十六条第（三）项"),
        f"经审查，您申请获取的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，{_DENY}",
    ),
    Table3Row.DENIED_ENFORCEMENT_FILE: OutcomeBasis(
        ("第十六条第二款", "第三十六条第（三）项"), f"经审查，您申请获取的信息属于行政执法案卷信息，{_DENY}"
    ),
    Table3Row.DENIED_QUERY_MATTER: OutcomeBasis(
        ("第三十六条第（七）项",),
        "经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请依照有关法律、行政法规的规定办理。",
    ),
    Table3Row.UNABLE_NOT_HELD: OutcomeBasis(
        ("第三十六条第（四）项", "第三十六条第（五）项"),
        "经检索，本机关没有您申请公开的政府信息（或该信息不属于本机关负责公开；能够确定负责公开机关的，告知其名称、联系方式）。",
    ),
    Table3Row.UNABLE_NEEDS_CREATION: OutcomeBasis(
        ("第三十八条",), "经审查，本机关没有现成的您所申请的信息，需要对现有政府信息进行加工、分析方能形成，本机关不予提供。"
    ),
    Table3Row.UNABLE_STILL_UNCLEAR: OutcomeBasis(
        ("第三十条",), "本机关已告知您补正申请，经补正后申请内容仍不明确，本机关无法提供。"
    ),
    Table3Row.REFUSED_PETITION: OutcomeBasis(
        ("第三十九条第一款",), "经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。"
    ),
    Table3Row.REFUSED_REPEATED: OutcomeBasis(
        ("第三十六条第（六）项",), "本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同政府信息，本机关不予重复处理。"
    ),
    Table3Row.REFUSED_PUBLICATION: OutcomeBasis(
        ("第三十九条第二款",), "您申请的内容为要求提供政府公报、报刊、书籍等公开出版物，现告知获取途径如下："
    ),
    Table3Row.REFUSED_EXCESSIVE: OutcomeBasis(
        ("第三十五条",), "您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为申请理由不合理，不予处理。"
    ),
    Table3Row.REFUSED_CONFIRMATION: OutcomeBasis(
        (), "您申请的内容为要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。"
    ),
    Table3Row.OTHER_NO_CORRECTION: OutcomeBasis(
        ("第三十条",), "本机关已告知您补正申请，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。"
    ),
    Table3Row.OTHER_FEE_UNPAID: OutcomeBasis(
        ("第四十二条", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"),
        "您逾期未按收费通知的要求缴纳信息处理费，本机关不再处理该政府信息公开申请。",
    ),
    Table3Row.OTHER_OTHER: OutcomeBasis((), "您已撤回政府信息公开申请（或其他情形），本机关不再处理该申请。"),
}

