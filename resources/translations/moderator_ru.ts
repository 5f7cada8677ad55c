<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="32"/>
        <source>Accounts</source>
        <translation>Аккаунты</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="39"/>
        <source>Connect an account…</source>
        <translation>Подключить аккаунт…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="41"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="43"/>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="45"/>
        <source>Flagging…</source>
        <translation>Пометки…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="47"/>
        <source>Cloud second opinion…</source>
        <translation>Второе мнение из облака…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="132"/>
        <source>Remove %1 with all its comments from Moderator? Nothing is deleted on the platform.</source>
        <translation>Удалить %1 со всеми комментариями из Moderator? На самой платформе ничего не удалится.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="134"/>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="139"/>
        <source>Remove account</source>
        <translation>Удаление аккаунта</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="40"/>
        <source>Reply</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="41"/>
        <location filename="../../moderator_app/ui/action_bar.py" line="69"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="42"/>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="44"/>
        <source>Mark as reviewed; a flagged comment also teaches this account&apos;s flagging</source>
        <translation>Отметить как просмотренный; помеченный комментарий заодно обучает разметку этого аккаунта</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="46"/>
        <source>Escalate</source>
        <translation>Эскалировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="47"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="69"/>
        <source>Unhide</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="69"/>
        <source>Publish</source>
        <translation>Опубликовать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="91"/>
        <source>This platform cannot hide comments; delete instead</source>
        <translation>Эта платформа не умеет скрывать комментарии — можно удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="93"/>
        <source>This platform cannot hide comments</source>
        <translation>Эта платформа не умеет скрывать комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="97"/>
        <location filename="../../moderator_app/ui/action_bar.py" line="101"/>
        <location filename="../../moderator_app/ui/action_bar.py" line="112"/>
        <source>Shortcut: %1</source>
        <translation>Клавиша: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="99"/>
        <source>This platform does not allow replies here</source>
        <translation>Эта платформа не позволяет здесь отвечать</translation>
    </message>
</context>
<context>
    <name>ActionRow</name>
    <message>
        <location filename="../../moderator_app/ui/action_history.py" line="49"/>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_history.py" line="51"/>
        <source>Dismiss</source>
        <translation>Отменить</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="49"/>
        <source>Connect an account</source>
        <translation>Подключение аккаунта</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="64"/>
        <source>Open the sign-in page</source>
        <translation>Открыть страницу входа</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="67"/>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="77"/>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="87"/>
        <source>Sign in to the platform. Tokens and passwords are kept in your system keyring, never in Moderator&apos;s files.</source>
        <translation>Войдите на платформу. Токены и пароли хранятся в системной связке ключей, а не в файлах Moderator.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="110"/>
        <source>Platform</source>
        <translation>Платформа</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="126"/>
        <source>Account name</source>
        <translation>Название аккаунта</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="128"/>
        <source>Watch:</source>
        <translation>Отслеживать:</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="160"/>
        <source>Allow access in the browser, then paste the final address here.</source>
        <translation>Разрешите доступ в браузере и вставьте сюда итоговый адрес.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="167"/>
        <source>Please fill in: %1</source>
        <translation>Заполните: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="172"/>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="197"/>
        <source>Could not sign in: %1</source>
        <translation>Не удалось войти: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="211"/>
        <source>Choose at least one thing to watch.</source>
        <translation>Выберите хотя бы одно сообщество для отслеживания.</translation>
    </message>
</context>
<context>
    <name>CaptchaDialog</name>
    <message>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="32"/>
        <source>Captcha</source>
        <translation>Капча</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="37"/>
        <source>%1 asks you to type the characters in the picture.</source>
        <translation>%1 просит ввести символы с картинки.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="44"/>
        <source>Loading the picture…</source>
        <translation>Загрузка картинки…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="63"/>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="69"/>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="80"/>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="87"/>
        <source>No picture.</source>
        <translation>Картинки нет.</translation>
    </message>
</context>
<context>
    <name>CloudDialog</name>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="40"/>
        <source>Cloud second opinion</source>
        <translation>Второе мнение из облака</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="47"/>
        <source>Optionally ask a cloud service about comments the local model flags. Its opinion is shown as a label; flags and scores stay local. Off by default.</source>
        <translation>По желанию спрашивать облачный сервис о комментариях, которые пометила локальная модель. Его мнение показывается меткой; пометки и оценки остаются локальными. По умолчанию выключено.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="58"/>
        <source>OpenAI moderation</source>
        <translation>Модерация OpenAI</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="59"/>
        <source>Google Perspective API (retired at the end of 2026)</source>
        <translation>Google Perspective API (закрывается в конце 2026 года)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="64"/>
        <source>Ask for a second opinion</source>
        <translation>Спрашивать второе мнение</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="80"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="81"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="96"/>
        <source>Key saved (type to replace)</source>
        <translation>Ключ сохранён (введите новый, чтобы заменить)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="96"/>
        <source>API key</source>
        <translation>Ключ API</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../moderator_app/ui/composer.py" line="21"/>
        <source>Write a reply…  Ctrl+Enter to send</source>
        <translation>Напишите ответ…  Ctrl+Enter — отправить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/composer.py" line="26"/>
        <source>Send reply</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/composer.py" line="64"/>
        <source>Reply queued — it will be sent in the background</source>
        <translation>Ответ в очереди — он будет отправлен в фоне</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="69"/>
        <source>Select a comment to see it here</source>
        <translation>Выберите комментарий, чтобы увидеть его здесь</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="83"/>
        <source>Open on platform</source>
        <translation>Открыть на платформе</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="94"/>
        <source>Thread</source>
        <translation>Обсуждение</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="95"/>
        <source>Activity</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="177"/>
        <source>Unknown author</source>
        <translation>Неизвестный автор</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="183"/>
        <source>edited</source>
        <translation>изменён</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="188"/>
        <source>On: %1</source>
        <translation>К посту: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="217"/>
        <source>Not scored yet</source>
        <translation>Ещё не оценён</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="218"/>
        <source>Score %1</source>
        <translation>Оценка %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/detail_pane.py" line="222"/>
        <source>marked passages: %n</source>
        <translation>
            <numerusform>отмечен %n фрагмент</numerusform>
            <numerusform>отмечено %n фрагмента</numerusform>
            <numerusform>отмечено %n фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="224"/>
        <source>scorer: %1</source>
        <translation>модель: %1</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="39"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="42"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="59"/>
        <source>Toxic</source>
        <translation>Токсично</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="61"/>
        <source>Review</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="63"/>
        <source>OK</source>
        <translation>Норма</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="64"/>
        <source>Scoring</source>
        <translation>Оценка…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="69"/>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="70"/>
        <source>Reviewed</source>
        <translation>Просмотрен</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="71"/>
        <source>Replied</source>
        <translation>Отвечен</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="72"/>
        <source>Hidden</source>
        <translation>Скрыт</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="73"/>
        <source>Escalated</source>
        <translation>Эскалирован</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="80"/>
        <source>Visible</source>
        <translation>Виден</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="81"/>
        <source>Hidden on platform</source>
        <translation>Скрыт на платформе</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="82"/>
        <source>Held for review</source>
        <translation>На проверке платформы</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="83"/>
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="90"/>
        <source>Reply</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="91"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="92"/>
        <source>Unhide</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="93"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="94"/>
        <source>Report</source>
        <translation>Пожаловаться</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="95"/>
        <source>Escalate</source>
        <translation>Эскалировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="102"/>
        <source>pending</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="103"/>
        <source>sending</source>
        <translation>отправляется</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="104"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="105"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="14"/>
        <source>Escalate comment</source>
        <translation>Эскалация комментария</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="18"/>
        <source>Hand the comment by %1 to a colleague. What should they know?</source>
        <translation>Передать комментарий автора %1 коллеге. Что ему нужно знать?</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="26"/>
        <source>Note for the team (optional)</source>
        <translation>Заметка для команды (необязательно)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="32"/>
        <source>Escalate</source>
        <translation>Эскалировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="35"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>EscalationRow</name>
    <message>
        <location filename="../../moderator_app/ui/action_history.py" line="67"/>
        <source>Escalated (open)</source>
        <translation>Эскалация (открыта)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_history.py" line="69"/>
        <source>Escalated (resolved)</source>
        <translation>Эскалация (решена)</translation>
    </message>
</context>
<context>
    <name>FlaggingDialog</name>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="69"/>
        <source>Flagging: %1</source>
        <translation>Пометки: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="73"/>
        <source>How comments from %1 are flagged. Moderator learns from your decisions here: hiding a comment marks it toxic, approving a flagged one marks it fine.</source>
        <translation>Как помечаются комментарии аккаунта %1. Moderator учится на ваших решениях: скрытый комментарий считается токсичным, одобренный помеченный — нормальным.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="83"/>
        <source>Learn from my decisions</source>
        <translation>Учиться на моих решениях</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="87"/>
        <source>Undo last change</source>
        <translation>Отменить последнее изменение</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="91"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="115"/>
        <source>Save thresholds</source>
        <translation>Сохранить пороги</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="118"/>
        <source>Thresholds</source>
        <translation>Пороги</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="120"/>
        <source>Review from</source>
        <translation>На проверку от</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="121"/>
        <source>Toxic from</source>
        <translation>Токсично от</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="129"/>
        <source>What the last change did</source>
        <translation>Что изменило последнее обновление</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="133"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="173"/>
        <source>No visible change</source>
        <translation>Видимых изменений нет</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="185"/>
        <source>Flags follow the base model. After 20 of your decisions (some hidden, some approved) Moderator adjusts them to this account.</source>
        <translation>Пометки следуют базовой модели. После 20 ваших решений (и скрытых, и одобренных) Moderator подстроит их под этот аккаунт.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="190"/>
        <source>Thresholds set by hand; nothing learned yet.</source>
        <translation>Пороги заданы вручную; обучения ещё не было.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="193"/>
        <source>Adjusted to this account. Decisions learned from: %n</source>
        <translation>
            <numerusform>Подстроено под этот аккаунт. Учтено решений: %n</numerusform>
            <numerusform>Подстроено под этот аккаунт. Учтено решений: %n</numerusform>
            <numerusform>Подстроено под этот аккаунт. Учтено решений: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="195"/>
        <source>(%1 hidden, %2 approved).</source>
        <translation>(скрыто: %1, одобрено: %2).</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="205"/>
        <source>thresholds set by hand</source>
        <translation>пороги заданы вручную</translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="207"/>
        <source>learned, decisions: %n</source>
        <translation>
            <numerusform>выучено, решений: %n</numerusform>
            <numerusform>выучено, решений: %n</numerusform>
            <numerusform>выучено, решений: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="208"/>
        <source>Version %1 · %2 · %3</source>
        <translation>Версия %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="211"/>
        <source>(in force)</source>
        <translation>(действует)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="213"/>
        <source>(undone)</source>
        <translation>(отменена)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="219"/>
        <source>Review threshold %1 → %2</source>
        <translation>Порог проверки %1 → %2</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="224"/>
        <source>Toxic threshold %1 → %2</source>
        <translation>Порог токсичности %1 → %2</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="229"/>
        <source>Learned corrections removed: flags follow the base model again</source>
        <translation>Выученные поправки убраны: пометки снова следуют базовой модели</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="232"/>
        <source>Learned: words labelled “%1” are usually fine here (%2)</source>
        <translation>Выучено: слова с меткой «%1» здесь обычно допустимы (%2)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="234"/>
        <source>Learned: words labelled “%1” are usually hidden here (%2)</source>
        <translation>Выучено: слова с меткой «%1» здесь обычно скрывают (%2)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="238"/>
        <source>Learned: “%1” is usually fine here (%2)</source>
        <translation>Выучено: «%1» здесь обычно допустимо (%2)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="240"/>
        <source>Learned: “%1” is usually hidden here (%2)</source>
        <translation>Выучено: «%1» здесь обычно скрывают (%2)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="268"/>
        <source>Review must be below toxic</source>
        <translation>Порог проверки должен быть ниже порога токсичности</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="289"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="290"/>
        <source>Platform</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="291"/>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="292"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="293"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="294"/>
        <source>Toxicity</source>
        <translation>Токсичность</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="369"/>
        <source>actions queued: %1</source>
        <translation>действий в очереди: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="371"/>
        <source>actions failed: %1</source>
        <translation>действий с ошибкой: %1</translation>
    </message>
</context>
<context>
    <name>InboxToolbar</name>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="20"/>
        <source>All comments</source>
        <translation>Все комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="24"/>
        <source>Search comments   /</source>
        <translation>Поиск комментариев   /</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="29"/>
        <source>All levels</source>
        <translation>Все уровни</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="30"/>
        <source>Review and toxic</source>
        <translation>На проверку и токсичные</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="31"/>
        <source>Toxic only</source>
        <translation>Только токсичные</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="133"/>
        <source>Next comment</source>
        <translation>Следующий комментарий</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="136"/>
        <source>Previous comment</source>
        <translation>Предыдущий комментарий</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="138"/>
        <source>Reply</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="139"/>
        <source>Hide or unhide</source>
        <translation>Скрыть или вернуть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="140"/>
        <source>Escalate</source>
        <translation>Эскалировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="141"/>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="142"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="143"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="144"/>
        <source>Back to the list</source>
        <translation>Назад к списку</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="200"/>
        <source>Delete this comment on the platform? This cannot be undone.</source>
        <translation>Удалить этот комментарий на платформе? Это нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="201"/>
        <source>Delete comment</source>
        <translation>Удаление комментария</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="208"/>
        <source>Flagging for %1 learned from your decisions: %2</source>
        <translation>Пометки для %1 учли ваши решения: %2</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="251"/>
        <source>No comments match the search.</source>
        <translation>Нет комментариев по этому запросу.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="253"/>
        <source>Nothing here. New comments appear as the accounts sync.</source>
        <translation>Здесь пусто. Новые комментарии появятся после синхронизации аккаунтов.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="255"/>
        <source>No comments yet. They appear here as soon as the accounts sync.</source>
        <translation>Комментариев пока нет. Они появятся здесь сразу после синхронизации аккаунтов.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../moderator_app/ui/sidebar.py" line="165"/>
        <source>Accounts…</source>
        <translation>Аккаунты…</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/sidebar_model.py" line="81"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n непрочитанный</numerusform>
            <numerusform>%n непрочитанных</numerusform>
            <numerusform>%n непрочитанных</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/sidebar_model.py" line="83"/>
        <source>%n flagged</source>
        <translation>
            <numerusform>%n помеченный</numerusform>
            <numerusform>%n помеченных</numerusform>
            <numerusform>%n помеченных</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="132"/>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="136"/>
        <source>All comments</source>
        <translation>Все комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="143"/>
        <source>Flagged</source>
        <translation>Помеченные</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="150"/>
        <source>Toxic</source>
        <translation>Токсично</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="155"/>
        <source>Accounts</source>
        <translation>Аккаунты</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/status_bar.py" line="104"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n в очереди</numerusform>
            <numerusform>%n в очереди</numerusform>
            <numerusform>%n в очереди</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/status_bar.py" line="106"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/status_bar.py" line="140"/>
        <source>+%n more</source>
        <translation>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="151"/>
        <source>Solve the captcha for %1…</source>
        <translation>Ввести капчу для %1…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="153"/>
        <source>%1 needs your attention…</source>
        <translation>%1 требует внимания…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="169"/>
        <source>waiting</source>
        <translation>ожидание</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="172"/>
        <source>syncing…</source>
        <translation>синхронизация…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="173"/>
        <source>idle</source>
        <translation>простаивает</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="174"/>
        <source>needs sign-in</source>
        <translation>нужен вход</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="175"/>
        <source>needs your attention</source>
        <translation>требует внимания</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="176"/>
        <source>rate limited</source>
        <translation>лимит запросов</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="177"/>
        <source>backing off</source>
        <translation>пауза после ошибок</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="180"/>
        <source>up to date</source>
        <translation>актуально</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="182"/>
        <source>synced %1</source>
        <translation>синхр. %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="184"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="185"/>
        <source>error: %1</source>
        <translation>ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="190"/>
        <source>%1, retry at %2</source>
        <translation>%1, повтор в %2</translation>
    </message>
</context>
<context>
    <name>ThreadContext</name>
    <message>
        <location filename="../../moderator_app/ui/thread_context.py" line="68"/>
        <source>Post</source>
        <translation>Пост</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/thread_context.py" line="73"/>
        <source>Replies</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/thread_context.py" line="87"/>
        <source>You</source>
        <translation>Вы</translation>
    </message>
</context>
</TS>
